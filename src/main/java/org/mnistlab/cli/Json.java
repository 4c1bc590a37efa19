package org.mnistlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mnistlab.network.SpecJson;

/** Builds the one-object-per-line JSON the commands print with {@code --json}. */
final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Json object() {
        return new Json();
    }

    Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    Json putAll(Map<String, Object> more) {
        fields.putAll(more);
        return this;
    }

    @Override
    public String toString() {
        return SpecJson.toJson(fields);
    }
}

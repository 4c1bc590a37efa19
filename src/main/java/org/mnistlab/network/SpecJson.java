package org.mnistlab.network;

import org.mnistlab.LabException;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.exc.ValueInstantiationException;

/**
 * JSON for specs and other records, with the Jackson that DL4J already ships (shaded under
 * {@code org.nd4j.shade}), so the project carries no second copy.
 */
public final class SpecJson {
    /** Shared and thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private SpecJson() {}

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static NetworkSpec specFromJson(String json) {
        return fromJson(json, NetworkSpec.class);
    }

    /** Reads {@code type}; a value the record rejects surfaces as that record's own exception. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof LabException lab) throw lab;
            throw new LabException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new LabException("invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        }
    }
}

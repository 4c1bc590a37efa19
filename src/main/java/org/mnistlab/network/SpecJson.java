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
    /**
     * Shared and thread-safe once configured. Strict about types, so a damaged file is refused
     * rather than reinterpreted: no 1.5 read as 1, no enum chosen by its number, no missing number
     * read as 0, no "0.05" string read as a number.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(org.nd4j.shade.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
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

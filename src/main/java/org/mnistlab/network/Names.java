package org.mnistlab.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names a person types for enum choices: forgiving parsing ("Leaky-ReLU", "leaky_relu",
 * "leakyrelu") and the list of choices for help and error messages, both from the enum itself.
 */
public final class Names {
    private Names() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        String wanted = squash(text);
        for (E e : type.getEnumConstants()) {
            if (squash(e.name()).equals(wanted) || squash(e.toString()).equals(wanted)) {
                return e;
            }
        }
        throw new InvalidSpecException(field, org.mnistlab.Quoted.of(text) + " is not one of " + choices(type));
    }

    /** "relu, leaky-relu, tanh, …": every constant's {@link #typed} name. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Names::typed).collect(Collectors.joining(", "));
    }

    /** The name to type for a constant: {@code LEAKY_RELU} is "leaky-relu". */
    public static String typed(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

package org.mnistlab.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Forgiving parsing of enum choices typed by a person ("Leaky-ReLU", "leaky_relu", "leakyrelu"). */
final class Names {
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

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

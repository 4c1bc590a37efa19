package org.mnistlab;

/** A value the user typed, quoted for a message: cut short, so a 5,000-digit paste stays one readable line. */
public final class Quoted {
    static final int MAX_CHARS = 40;

    private Quoted() {}

    public static String of(String value) {
        if (value == null) return "''";
        if (value.length() <= MAX_CHARS) return "'" + value + "'";
        return "'" + value.substring(0, MAX_CHARS - 3) + "…' (" + value.length() + " characters)";
    }
}

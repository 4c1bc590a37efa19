package org.mnistlab.ui.charts;

import java.util.Locale;
import javafx.util.StringConverter;

/**
 * Tick labels that stay short as a run grows: 500, 12.5k, 1.2M. Full numbers ("12,500") overlap
 * on a narrow axis as soon as examples reach the tens of thousands.
 */
final class CompactNumbers extends StringConverter<Number> {
    @Override
    public String toString(Number number) {
        double v = number.doubleValue();
        double size = Math.abs(v);
        if (size >= 1e6) return trim(v / 1e6) + "M";
        if (size >= 1e3) return trim(v / 1e3) + "k";
        return trim(v);
    }

    /** At most two decimals, without trailing zeros: 12.5, 3, 0.25. */
    private static String trim(double v) {
        String text = String.format(Locale.ROOT, "%.2f", v);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public Number fromString(String text) {
        throw new UnsupportedOperationException("tick labels are only shown");
    }
}

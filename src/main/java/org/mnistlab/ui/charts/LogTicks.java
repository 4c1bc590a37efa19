package org.mnistlab.ui.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import javafx.util.StringConverter;

/**
 * Tick labels for an axis that plots log10 of its values (JavaFX has no log axis): the tick at
 * −2 reads "0.01", at −0.5 "0.32". Numbers are plain down to 0.0001, then "1e-5".
 */
public final class LogTicks extends StringConverter<Number> {
    @Override
    public String toString(Number log10) {
        return plain(Math.pow(10, log10.doubleValue()));
    }

    /** Two significant digits, as a student writes a rate: 0.05, 0.0032, 1.5, 20, 1e-6. */
    public static String plain(double value) {
        if (!(value > 0) || !Double.isFinite(value)) return "";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros();
        if (value >= 1e-4 && value < 1e6) return rounded.toPlainString();
        return rounded.toString().replace("E", "e").replace("e+", "e");
    }

    @Override
    public Number fromString(String text) {
        return Math.log10(Double.parseDouble(text));
    }
}

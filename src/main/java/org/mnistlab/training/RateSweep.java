package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistlab.Quoted;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;

/**
 * The learning rates a sweep compares: a list ({@code 0.5,0.05,0.005}) or N values spaced evenly
 * on a log scale between two bounds ({@code 0.001:1:4} is 0.001, 0.01, 0.1, 1). One run per rate,
 * the rest of the settings unchanged, one after another.
 */
public record RateSweep(List<Double> rates) {
    public static final int MIN_RATES = 2;
    public static final int MAX_RATES = 20;
    public static final String SYNTAX = "a list (0.5,0.05,0.005) or FROM:TO:N, N rates spaced evenly on a log "
            + "scale (0.001:1:4)";

    public RateSweep {
        rates = List.copyOf(rates);
        if (rates.size() < MIN_RATES || rates.size() > MAX_RATES) {
            throw new InvalidSpecException("sweep", rates.size() + (rates.size() == 1 ? " rate" : " rates")
                    + "; a sweep compares " + MIN_RATES + " to " + MAX_RATES);
        }
        for (double rate : rates) {
            if (!(rate > 0) || rate > NetworkSpec.MAX_LEARNING_RATE) {
                throw new InvalidSpecException("sweep", "the rate " + rate + " is outside (0, "
                        + NetworkSpec.formatNumber(NetworkSpec.MAX_LEARNING_RATE) + "]");
            }
        }
    }

    /** Reads {@code 0.5,0.05,0.005} or {@code 0.001:1:4}. */
    public static RateSweep parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.contains(":")) {
                String[] parts = t.split(":", -1);
                if (parts.length != 3) throw new NumberFormatException(t);
                return logSpaced(number(parts[0]), number(parts[1]), Integer.parseInt(parts[2].trim()));
            }
            List<Double> rates = new ArrayList<>();
            for (String part : t.split(",", -1)) rates.add(number(part));
            return new RateSweep(rates);
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("sweep", Quoted.of(text) + " is not " + SYNTAX);
        }
    }

    /** {@code count} rates from {@code from} to {@code to}, both included, evenly spaced on a log scale. */
    public static RateSweep logSpaced(double from, double to, int count) {
        if (!(from > 0) || !(to > 0)) {
            throw new InvalidSpecException("sweep", "the bounds of a log-spaced sweep must be above 0");
        }
        if (count < MIN_RATES || count > MAX_RATES) {
            throw new InvalidSpecException("sweep", count + " rates; a sweep compares " + MIN_RATES + " to " + MAX_RATES);
        }
        List<Double> rates = new ArrayList<>();
        double step = (Math.log10(to) - Math.log10(from)) / (count - 1);
        for (int i = 0; i < count; i++) {
            // Rounded to 3 significant digits, so 0.0316227… shows and repeats as 0.0316.
            double rate = Math.pow(10, Math.log10(from) + i * step);
            rates.add(Double.parseDouble(String.format(Locale.ROOT, "%.3g", rate)));
        }
        return new RateSweep(rates);
    }

    private static double number(String text) {
        String t = text.trim();
        if (t.isEmpty() || !t.chars().allMatch(c -> c < 128)) throw new NumberFormatException(t);
        return Double.parseDouble(t);
    }

    /** The runs' settings: {@code base} with each rate in turn. */
    public List<NetworkSpec> specs(NetworkSpec base) {
        return rates.stream().map(rate -> base.toBuilder().learningRate(rate).build()).toList();
    }
}

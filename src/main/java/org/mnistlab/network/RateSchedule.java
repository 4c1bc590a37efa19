package org.mnistlab.network;

import java.util.Locale;
import org.mnistlab.Quoted;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonValue;

/**
 * How the learning rate moves during a run, written as the CLI takes it:
 * {@code constant}, {@code step:K:G} (× G every K epochs), {@code exp:G} (× G per epoch, a little
 * at every step) or {@code cosine[:FLOOR]} (half a cosine from the rate down to FLOOR, default 0,
 * over the whole run). A linear warm-up is a separate setting ({@link NetworkSpec#warmup()}).
 *
 * <p>Each becomes one of DL4J's own schedules where DL4J has it ({@link StepSchedule},
 * {@link ExponentialSchedule}, {@link FixedSchedule}), else the lab's {@link CosineSchedule} and
 * {@link WarmupSchedule}; the schedule sits in the updater's config, so DL4J's fit and the fast
 * path follow it alike, and it is written into the model file with the rest of the configuration.
 *
 * @param everyEpochs for step: epochs between two cuts
 * @param factor for step and exp: what the rate is multiplied by, in (0, 1)
 * @param floor for cosine: the rate it ends at, below the learning rate
 */
public record RateSchedule(Kind kind, int everyEpochs, double factor, double floor) {
    /** How the CLI and the designer write a schedule, for messages and help. */
    public static final String SYNTAX = "constant, step:K:G (x G every K epochs), exp:G (x G per epoch), "
            + "cosine or cosine:FLOOR";
    public static final RateSchedule CONSTANT = new RateSchedule(Kind.CONSTANT, 0, 1, 0);

    public enum Kind { CONSTANT, STEP, EXPONENTIAL, COSINE }

    public RateSchedule {
        if (kind == null) throw new InvalidSpecException("schedule", "missing");
        switch (kind) {
            case CONSTANT -> {
                everyEpochs = 0;
                factor = 1;
                floor = 0;
            }
            case STEP -> {
                NetworkSpec.requireBetween("schedule", everyEpochs, 1, NetworkSpec.MAX_EPOCHS);
                requireShrinks(factor, "step:" + everyEpochs + ":0.5");
                floor = 0;
            }
            case EXPONENTIAL -> {
                requireShrinks(factor, "exp:0.9");
                everyEpochs = 0;
                floor = 0;
            }
            case COSINE -> {
                if (!Double.isFinite(floor) || floor < 0) {
                    throw new InvalidSpecException("schedule", "the cosine floor " + NetworkSpec.asGiven(floor)
                            + " must be 0 or more (e.g. cosine:0.001)");
                }
                everyEpochs = 0;
                factor = 1;
            }
        }
    }

    /** The rate × {@code factor} every {@code everyEpochs} epochs. */
    public static RateSchedule step(int everyEpochs, double factor) {
        return new RateSchedule(Kind.STEP, everyEpochs, factor, 0);
    }

    /** The rate × {@code factor} per epoch, spread evenly over its steps. */
    public static RateSchedule exponential(double factor) {
        return new RateSchedule(Kind.EXPONENTIAL, 0, factor, 0);
    }

    /** Half a cosine from the rate at the first step to {@code floor} at the last. */
    public static RateSchedule cosine(double floor) {
        return new RateSchedule(Kind.COSINE, 0, 1, floor);
    }

    private static void requireShrinks(double factor, String example) {
        if (!Double.isFinite(factor) || factor <= 0 || factor >= 1) {
            throw new InvalidSpecException("schedule", "the factor " + NetworkSpec.asGiven(factor)
                    + " must shrink the rate: give one between 0 and 1, both excluded (e.g. " + example + ")");
        }
    }

    /** Reads {@code constant}, {@code step:2:0.5}, {@code exp:0.9}, {@code cosine} or {@code cosine:0.001}. */
    @JsonCreator
    public static RateSchedule parse(String text) {
        String[] parts = text == null ? new String[] {""} : text.trim().toLowerCase(Locale.ROOT).split(":", -1);
        try {
            switch (parts[0]) {
                case "constant", "none" -> {
                    if (parts.length == 1) return CONSTANT;
                }
                case "step" -> {
                    if (parts.length == 3) return step(Integer.parseInt(parts[1].trim()), number(parts[2]));
                }
                case "exp", "exponential" -> {
                    if (parts.length == 2) return exponential(number(parts[1]));
                }
                case "cosine" -> {
                    if (parts.length == 1) return cosine(0);
                    if (parts.length == 2) return cosine(number(parts[1]));
                }
                default -> { }
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw new InvalidSpecException("schedule", Quoted.of(text) + " is not a schedule; give " + SYNTAX);
    }

    private static double number(String text) {
        String t = text.trim();
        if (t.isEmpty() || !t.chars().allMatch(c -> c < 128)) throw new NumberFormatException(t);
        return Double.parseDouble(t);
    }

    /** The form {@link #parse} reads back, as the CLI takes it. */
    @JsonValue
    public String text() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "step:" + everyEpochs + ":" + NetworkSpec.formatNumber(factor);
            case EXPONENTIAL -> "exp:" + NetworkSpec.formatNumber(factor);
            case COSINE -> floor == 0 ? "cosine" : "cosine:" + NetworkSpec.formatNumber(floor);
        };
    }

    /** For a student: "× 0.5 every 2 epochs", "cosine down to 0.001". */
    public String describe() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "× " + NetworkSpec.formatNumber(factor) + " every "
                    + (everyEpochs == 1 ? "epoch" : everyEpochs + " epochs");
            case EXPONENTIAL -> "× " + NetworkSpec.formatNumber(factor) + " per epoch";
            case COSINE -> "cosine down to " + NetworkSpec.formatNumber(floor);
        };
    }

    public boolean isConstant() {
        return kind == Kind.CONSTANT;
    }

    /**
     * The DL4J schedule for a run, or null for a constant rate without warm-up (DL4J's updaters
     * then keep a plain rate, as before schedules existed).
     *
     * @param warmup steps over which the rate rises linearly to the schedule's, 0 for none
     * @param batchesPerEpoch steps in one epoch: exp spreads its factor over them, cosine runs
     *     over all the run's
     */
    public ISchedule dl4j(double learningRate, int warmup, int batchesPerEpoch, int epochs) {
        ISchedule schedule = switch (kind) {
            case CONSTANT -> warmup > 0 ? new FixedSchedule(learningRate) : null;
            // DL4J's epoch count starts at 0: epochs 1..K train at the rate, K+1..2K at rate × G, …
            case STEP -> new StepSchedule(ScheduleType.EPOCH, learningRate, factor, everyEpochs);
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.ITERATION, learningRate,
                    Math.pow(factor, 1.0 / Math.max(1, batchesPerEpoch)));
            case COSINE -> new CosineSchedule(learningRate, floor, Math.max(1, batchesPerEpoch) * epochs);
        };
        return warmup > 0 ? new WarmupSchedule(warmup, schedule) : schedule;
    }
}

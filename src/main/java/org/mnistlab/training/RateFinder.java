package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.RateSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The learning-rate range test, as fastai's {@code lr_find} runs it: a fresh network of the spec
 * trains for up to one epoch while the rate grows exponentially from {@value #START_RATE} to
 * {@value #END_RATE}, one step a batch, and stops once the smoothed loss passes
 * {@value #EXPLODED}× its minimum. The smoothed loss against the rate shows where learning starts,
 * where it is fastest, and where it blows up.
 *
 * <p>Two suggestions come out, as fastai gives them: the rate where the smoothed loss falls
 * fastest (the steepest descent), and a tenth of the rate at its minimum (at the minimum the
 * rate is already nearly too high; a tenth of it is safely below the blow-up). The network is a
 * new one built from the spec, trained by the same {@link Trainer}, so no run and no model is touched.
 */
public final class RateFinder {
    public static final double START_RATE = 1e-6;
    public static final double END_RATE = 10;
    /** fastai's smoothing of the loss (an exponential moving average, bias-corrected). */
    static final double BETA = 0.98;
    /** The test stops once the smoothed loss is this many times its minimum. */
    static final double EXPLODED = 4;
    /** fastai leaves out the first 10 and last 5 points when it suggests: the first are noise, the last the blow-up. */
    static final int SKIP_START = 10;
    static final int SKIP_END = 5;

    private final NetworkSpec spec;
    private final DigitSet train;
    private final DigitSet test;

    /**
     * @param spec the settings whose network is tested; its rate, schedule, warm-up and epochs
     *     are replaced by the sweep
     * @param train the training images (the spec's validation images are held out of them, as in a run)
     */
    public RateFinder(NetworkSpec spec, DigitSet train, DigitSet test) {
        this.spec = spec.toBuilder().epochs(1).schedule(RateSchedule.CONSTANT).warmup(0).patience(0).build();
        this.train = train;
        this.test = test;
    }

    /** Steps in the sweep: one epoch of batches. */
    public int steps() {
        return spec.batchesPerEpoch(train.count());
    }

    /** Runs the test on the caller's thread; {@code control} can cancel it between two batches. */
    public RateFinding run(TrainingControl control) {
        int steps = steps();
        if (!spec.optimizer().usesLearningRate()) {
            return RateFinding.nothing(List.of(), spec.optimizer() + " sets its own step size; it has no "
                    + "learning rate to test.");
        }
        double growth = Math.pow(END_RATE / START_RATE, 1.0 / Math.max(1, steps - 1));
        List<RateFinding.Point> points = new ArrayList<>();
        double[] average = {0};
        double[] minimum = {Double.POSITIVE_INFINITY};
        boolean[] exploded = {false};
        TrainingListener watch = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                int i = points.size();
                double loss = p.loss();
                if (!Double.isFinite(loss)) {
                    exploded[0] = true;
                    control.cancel();
                    return;
                }
                average[0] = BETA * average[0] + (1 - BETA) * loss;
                double smoothed = average[0] / (1 - Math.pow(BETA, i + 1));
                points.add(new RateFinding.Point(p.learningRate(), loss, smoothed));
                minimum[0] = Math.min(minimum[0], smoothed);
                if (i > 0 && smoothed > EXPLODED * minimum[0]) {
                    exploded[0] = true;
                    control.cancel();
                }
            }
        };
        TrainingOutcome outcome = new Trainer(spec, train, test).withRateSchedule(
                new ExponentialSchedule(ScheduleType.ITERATION, START_RATE, growth)).run(watch, control);
        // A NaN ends the run as diverged before the listener hears of that batch.
        return suggest(points, exploded[0] || outcome.diverged());
    }

    /** The suggestions from the points a test measured; {@code exploded} whether it ended in a blow-up. */
    static RateFinding suggest(List<RateFinding.Point> points, boolean exploded) {
        int from = SKIP_START;
        int to = points.size() - (exploded ? SKIP_END : 0);
        if (to - from < 3) {
            return RateFinding.nothing(points, "The loss blew up at once, after " + points.size() + " of the "
                    + "sweep's steps" + (points.isEmpty() ? "" : ", at a rate of " + rate(points.get(points.size() - 1).rate()))
                    + ": this network diverges whatever the rate, so there is no rate to suggest. Look at the "
                    + "initial weights (init scale) and the L2 penalty first.");
        }
        int lowest = from;
        int steepest = -1;
        double steepestSlope = 0;
        for (int i = from; i < to; i++) {
            if (points.get(i).smoothedLoss() < points.get(lowest).smoothedLoss()) lowest = i;
            // The slope against log(rate), which is the step index: the rate grows by the same factor each step.
            double slope = (points.get(Math.min(i + 1, to - 1)).smoothedLoss() - points.get(Math.max(i - 1, from)).smoothedLoss())
                    / (Math.min(i + 1, to - 1) - Math.max(i - 1, from));
            if (slope < steepestSlope) {
                steepestSlope = slope;
                steepest = i;
            }
        }
        if (steepest < 0) {
            return RateFinding.nothing(points, "The smoothed loss never fell, from " + rate(points.get(from).rate())
                    + " to " + rate(points.get(to - 1).rate()) + ": the network does not learn at any rate tried, "
                    + "so there is no rate to suggest.");
        }
        double steep = points.get(steepest).rate();
        double tenth = points.get(lowest).rate() / 10;
        String why = String.format(Locale.ROOT, "The loss falls fastest at %s: there each step does the most good. "
                + "It is lowest at %s, where the rate is already close to blowing up, so a tenth of that, %s, "
                + "is a safe choice. Either is a good start; the steepest is usually the quicker.",
                rate(steep), rate(points.get(lowest).rate()), rate(tenth));
        return new RateFinding(points, steep, tenth, why);
    }

    private static String rate(double value) {
        return NetworkSpec.formatNumber(Double.parseDouble(String.format(Locale.ROOT, "%.2g", value)));
    }
}

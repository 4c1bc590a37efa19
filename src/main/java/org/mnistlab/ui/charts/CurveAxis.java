package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the charts' x axis counts: examples seen (the lab's own unit, exact within an epoch) or
 * epochs (the course plots' unit). Every point is recorded in examples seen; this turns it into
 * the axis's unit, with the run's own epoch size (a run holding out validation images has shorter
 * epochs than one that does not).
 */
public enum CurveAxis {
    EXAMPLES("Examples seen"),
    EPOCHS("Epochs");

    /** The bundled MNIST's training images: the epoch of a stored run whose epoch size is not known. */
    static final long MNIST_TRAINING_IMAGES = 60_000;
    /** More boundaries than this would turn into a grey wash: the axis then shows none. */
    static final int MAX_BOUNDARIES = 100;

    private final String label;

    CurveAxis(String label) {
        this.label = label;
    }

    /** The axis title. */
    public String label() {
        return label;
    }

    /** Where a point measured after {@code examplesSeen} lies on this axis, for {@code run}. */
    double x(long examplesSeen, RecordedRun run) {
        return this == EXAMPLES ? examplesSeen : (double) examplesSeen / epochSizeOf(run);
    }

    /**
     * Where the epochs the runs have completed end, in this axis's units, each once: 1, 2, 3 on
     * the epoch axis; on the examples axis each run's multiples of its epoch size.
     */
    List<Double> epochBoundaries(Collection<RecordedRun> runs) {
        TreeSet<Double> ends = new TreeSet<>();
        for (RecordedRun run : runs) {
            long size = epochSizeOf(run);
            for (long epoch = 1; epoch * size <= run.lastExamplesSeen(); epoch++) {
                ends.add(x(epoch * size, run));
                if (ends.size() > MAX_BOUNDARIES) return List.of();
            }
        }
        return new ArrayList<>(ends);
    }

    private static long epochSizeOf(RecordedRun run) {
        long size = run.epochSize();
        return size > 0 ? size : MNIST_TRAINING_IMAGES;
    }
}

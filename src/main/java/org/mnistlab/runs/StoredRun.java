package org.mnistlab.runs;

import java.time.Instant;
import org.mnistlab.network.NetworkSpec;

/**
 * One run as the run list shows it: everything but its points and its model, which
 * {@link RunStore#points} and {@link RunStore#model} read on demand.
 *
 * @param summary the spec's one-line summary as it was written, shown even where {@code spec} is null
 * @param spec null only if this version cannot read the stored settings (then {@code summary} says what they were)
 * @param endedAt null while running; for an interrupted run, the last time its points were written
 * @param finalTestAccuracy the last test measurement, or null before the first
 * @param bestEpoch the epoch of the best test accuracy, or null before the first measurement
 * @param bestValidationAccuracy the best end-of-epoch validation accuracy, or null for a run
 *     without validation images
 * @param bestValidationEpoch the epoch where it was reached, or null
 */
public record StoredRun(long id, String name, String note, String summary, NetworkSpec spec, DataSource data,
        String appVersion, Instant startedAt, Instant endedAt, RunEnding ending, String message,
        int epochsCompleted, long examplesSeen, Double finalTestLoss, Double finalTestAccuracy,
        Double bestTestAccuracy, Integer bestEpoch, Double bestValidationAccuracy, Integer bestValidationEpoch,
        boolean hasModel) {

    /** What a filter box matches against, in lower case: name, note, settings, how it ended, and the data. */
    public String searchText() {
        return (name + "\n" + note + "\n" + summary + "\n" + ending.word() + "\n" + data.describe())
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** True if every word of {@code filter} occurs in {@link #searchText()}; a blank filter matches all. */
    public boolean matches(String filter) {
        return RunFilter.of(filter).matches(searchText());
    }
}

package org.mnistlab.runs;

import java.util.Locale;
import org.mnistlab.training.TrainingOutcome;

/** How a stored run ended, as the database spells it (lower case) and the run list says it. */
public enum RunEnding {
    /** Still training in a copy of the lab that is running now. */
    RUNNING,
    FINISHED,
    STOPPED,
    DIVERGED,
    STOPPED_EARLY,
    /** Was training when its process died (a crash, a kill, a power cut): its points up to then are kept. */
    INTERRUPTED;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunEnding fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** How {@code outcome} ended; a run that early stopping ended is STOPPED_EARLY, not FINISHED. */
    public static RunEnding of(TrainingOutcome outcome) {
        return outcome.stoppedEarly() ? STOPPED_EARLY : of(outcome.status());
    }

    public static RunEnding of(TrainingOutcome.Status status) {
        return switch (status) {
            case COMPLETED -> FINISHED;
            case CANCELLED -> STOPPED;
            case DIVERGED -> DIVERGED;
        };
    }
}

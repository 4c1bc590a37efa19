package org.mnistlab.ui.training;

import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.RunRecorder;
import org.mnistlab.ui.charts.RecordedRun;

/**
 * Where the training panel records its runs: the run store in the window ({@code RunListViewModel}),
 * nowhere in tests that are not about recording.
 */
public interface RunRecording {
    /**
     * Called on the training thread just before a run: the recorder to tell of it, or null when
     * runs are not being saved.
     */
    RunRecorder begin(NetworkSpec spec, MnistData data);

    /** On the FX thread, once the store has given the run its id. */
    default void recorded(RecordedRun run, long storeId) {}

    /** On the FX thread, after the run ended and its recorder finished. */
    default void ended(RecordedRun run) {}

    RunRecording NONE = (spec, data) -> null;
}

package org.mnistlab.ui.training;

import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.Checkpoint;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/**
 * How the training panel runs one training: the {@link Trainer} in the window, a scripted run in
 * tests. Called on the training thread; it reports to {@code listener} and obeys {@code control}.
 */
@FunctionalInterface
public interface RunStarter {
    /**
     * @param extraTraining images trained on besides {@code data}'s (the student's own digits,
     *     oversampled), never held out for validation; empty for none
     */
    TrainingOutcome run(NetworkSpec spec, MnistData data, DigitSet extraTraining, int evaluateEveryBatches,
            TrainingListener listener, TrainingControl control);

    /**
     * Goes on from {@code checkpoint}, taken by an earlier run of the same spec and data, at
     * {@code learningRate}: a diverged run resumed at half its rate. The trainer by default.
     */
    default TrainingOutcome resume(NetworkSpec spec, MnistData data, DigitSet extraTraining, int evaluateEveryBatches,
            Checkpoint checkpoint, double learningRate, TrainingListener listener, TrainingControl control) {
        return new Trainer(spec, data.train(), data.test(), evaluateEveryBatches).withExtraTraining(extraTraining)
                .resumingFrom(checkpoint, learningRate).run(listener, control);
    }

    /** Today's trainer: the fast path where it applies, DL4J's {@code fit} otherwise. */
    RunStarter TRAINER = (spec, data, extraTraining, evaluateEveryBatches, listener, control) ->
            new Trainer(spec, data.train(), data.test(), evaluateEveryBatches).withExtraTraining(extraTraining)
                    .run(listener, control);
}

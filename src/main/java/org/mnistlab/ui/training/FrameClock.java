package org.mnistlab.ui.training;

import javafx.animation.AnimationTimer;

/**
 * Calls back on the FX thread at a steady rate while a run is under way: how training progress
 * reaches the screen, however fast batches go. Tests tick it by hand.
 */
@FunctionalInterface
public interface FrameClock {
    /** Starts calling {@code frame}; the result stops it. */
    Ticking start(Runnable frame);

    interface Ticking {
        void stop();
    }

    /** An {@link AnimationTimer} that lets through at most {@code perSecond} frames a second. */
    static FrameClock animationTimer(int perSecond) {
        return frame -> {
            AnimationTimer timer = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (now - last < 1_000_000_000L / perSecond) return;
                    last = now;
                    frame.run();
                }
            };
            timer.start();
            return timer::stop;
        };
    }
}

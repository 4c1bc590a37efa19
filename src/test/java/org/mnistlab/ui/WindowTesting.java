package org.mnistlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import org.mnistlab.data.MnistData;
import org.mnistlab.testing.TestData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: their data, waiting for the window, and typing into it. */
final class WindowTesting {
    private static final long TIMEOUT_S = 60;

    private WindowTesting() {}

    /** A small slice of MNIST (3,000 training, 1,000 test images) keeps epochs short; the window works the same on the full set. */
    static MnistData smallMnist() {
        MnistData full = TestData.mnist();
        return new MnistData(full.train().first(3000), full.test().first(1000));
    }

    /** Waits for {@code condition}, checked on the FX thread so it never sees a half-updated scene. */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Selects all text in the field {@code query} finds and types {@code text} over it. */
    static void replaceText(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }
}

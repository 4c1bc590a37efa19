package org.mnistlab.ui;

import java.util.List;
import java.util.function.LongFunction;
import javafx.application.Platform;
import org.slf4j.LoggerFactory;

/**
 * Treats the loss of the lab's window as a close. A window destroyed from outside (XDestroyWindow,
 * {@code xdotool windowclose}) sends JavaFX no event at all, so every couple of seconds a
 * background thread asks the X server whether the window still exists ({@link X11Windows}); once it
 * is gone, the lab closes as if the user had closed it: the run stops and the process exits.
 */
final class WindowWatch {
    static final long PERIOD_MILLIS = 2000;
    private final LongFunction<Boolean> exists;
    private final Runnable onLost;
    private boolean lost;

    /**
     * @param exists true, false (gone) or null (cannot tell: nothing happens)
     * @param onLost run once, on the thread that polls
     */
    WindowWatch(LongFunction<Boolean> exists, Runnable onLost) {
        this.exists = exists;
        this.onLost = onLost;
    }

    /** One look at {@code window}; true once it is gone (and {@code onLost} has run). */
    boolean poll(long window) {
        if (!lost && Boolean.FALSE.equals(exists.apply(window))) {
            lost = true;
            onLost.run();
        }
        return lost;
    }

    /**
     * Watches the lab's only window on an X11 desktop; does nothing elsewhere (Windows, macOS,
     * Wayland without X, the headless tests). Call on the FX thread once the stage is showing.
     *
     * @param close what closing the window does; run on the FX thread
     */
    static void startIfOnX11(Runnable close) {
        if (!"gtk".equalsIgnoreCase(glassPlatform())) return;
        List<com.sun.glass.ui.Window> windows = com.sun.glass.ui.Window.getWindows();
        if (windows.size() != 1) return;
        long window = windows.get(0).getNativeWindow();
        String display = System.getenv("DISPLAY");
        // Its own daemon thread, not the task runner's: it waits for the whole session and holds no work.
        Thread thread = new Thread(() -> {
            X11Windows x = X11Windows.connect(display);
            if (x == null) return;
            WindowWatch watch = new WindowWatch(x::exists, () -> {
                LoggerFactory.getLogger(WindowWatch.class).warn("The lab's window was destroyed from outside; "
                        + "closing the lab");
                Platform.runLater(close);
            });
            try (x) {
                while (!watch.poll(window)) Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lab-window-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static String glassPlatform() {
        try {
            return com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName().replace("Application", "");
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }
}

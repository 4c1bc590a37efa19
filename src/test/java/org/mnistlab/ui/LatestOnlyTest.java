package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The newest request wins: at most one task at a time, out-of-date results and failures dropped. */
class LatestOnlyTest {
    private final HeldTaskExecutor executor = new HeldTaskExecutor();
    private final List<String> shown = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int value;
    private int started;

    private final LatestOnly<String> work = new LatestOnly<>(executor, () -> {
        int asked = value; // taken when the task starts, on the caller's thread
        started++;
        return BackgroundTask.wrap(() -> {
            if (asked < 0) throw new IllegalStateException("bad " + asked);
            return "value " + asked;
        }).onSuccess(shown::add).onFailure(e -> failures.add(e.getMessage()));
    });

    @Test
    void requestsWhileATaskRunsBecomeOneFreshTask() {
        value = 1;
        work.request();
        value = 2;
        work.request();
        value = 3;
        work.request();
        assertEquals(1, executor.waiting(), "one task at a time");

        executor.runNext();
        assertEquals(List.of(), shown, "the first task's answer is out of date");
        assertEquals(1, executor.waiting(), "one fresh task for the three requests");
        executor.runNext();
        assertEquals(List.of("value 3"), shown);
        assertEquals(2, started);
    }

    @Test
    void cancelDropsTheResultUnderWayAndAnyWaitingRequest() {
        value = 1;
        work.request();
        work.request();
        work.cancel();
        executor.runAll();
        assertEquals(List.of(), shown);
        assertEquals(1, started, "the waiting request was dropped, not started");

        value = 4;
        work.request();
        executor.runAll();
        assertEquals(List.of("value 4"), shown);
    }

    @Test
    void onlyTheNewestFailureIsReported() {
        value = -1;
        work.request();
        value = -2;
        work.request();
        executor.runAll();
        assertEquals(List.of("bad -2"), failures);
    }
}

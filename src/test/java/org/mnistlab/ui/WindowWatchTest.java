package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WindowWatchTest {

    @Test
    void theLabClosesOnceWhenTheXServerSaysItsWindowIsGone() {
        ArrayDeque<Boolean> answers = new ArrayDeque<>(List.of(true, true, false, false));
        AtomicInteger closes = new AtomicInteger();
        WindowWatch watch = new WindowWatch(window -> answers.poll(), closes::incrementAndGet);
        assertFalse(watch.poll(42));
        assertFalse(watch.poll(42));
        assertTrue(watch.poll(42), "gone");
        assertTrue(watch.poll(42));
        assertEquals(1, closes.get(), "closed once");
    }

    @Test
    void anAnswerItCannotBeSureOfNeverClosesTheLab() {
        AtomicInteger closes = new AtomicInteger();
        WindowWatch watch = new WindowWatch(window -> null, closes::incrementAndGet);
        for (int i = 0; i < 5; i++) assertFalse(watch.poll(42));
        assertEquals(0, closes.get());
    }

    @Test
    void withNoXServerThereIsNothingToAsk() {
        assertNull(X11Windows.connect(":987654"));
        assertNull(X11Windows.connect(null));
        assertNull(X11Windows.connect("not a display"));
    }
}

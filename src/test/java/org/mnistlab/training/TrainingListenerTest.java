package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingListenerTest {

    private static TrainingListener recording(List<String> calls) {
        return (TrainingListener) Proxy.newProxyInstance(TrainingListener.class.getClassLoader(),
                new Class<?>[] {TrainingListener.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return null;
                });
    }

    @Test
    void bothForwardsEveryEventToBothListeners() throws Exception {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        TrainingListener both = TrainingListener.both(recording(first), recording(second));
        List<String> events = new ArrayList<>();
        for (Method method : TrainingListener.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) continue;
            events.add(method.getName());
            Object[] args = Arrays.stream(method.getParameterTypes()).map(TrainingListenerTest::dummy).toArray();
            method.invoke(both, args);
        }
        assertEquals(events, first, "a listener added to TrainingListener must be forwarded by both()");
        assertEquals(events, second);
    }

    private static Object dummy(Class<?> type) {
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == double.class) return 0.0;
        if (type == boolean.class) return false;
        return null;
    }
}

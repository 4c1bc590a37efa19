package org.mnistlab.backend;

import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.bytedeco.javacpp.Pointer;

/**
 * A child process for {@link BackendInfoTest}: the window's start-up race, made deterministic.
 * One thread is inside JavaCPP's {@code Pointer} class initialisation (as the FX thread is when
 * the designer first asks for free memory) while the backend probe starts ND4J. The first thread
 * is held there, before {@code Pointer} asks JavaCPP's {@code Loader} for its native library,
 * until the probe is either inside {@code Loader} itself or waiting at its start for
 * {@code Pointer}; then both must finish.
 */
public final class ProbeDuringPointerStart {
    private static final long JOIN_MS = 60_000;

    private ProbeDuringPointerStart() {}

    public static void main(String[] args) throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread memory = new Thread(() -> System.out.println("memory limit " + Pointer.maxPhysicalBytes()),
                "memory");
        // Pointer's static initialiser reads its size limits before it loads its native library.
        System.setProperties(new Properties(System.getProperties()) {
            @Override
            public String getProperty(String key) {
                if (Thread.currentThread() == memory && key.startsWith("org.bytedeco.javacpp.max")
                        && paused.getCount() > 0) {
                    paused.countDown();
                    awaitUninterruptibly(release);
                }
                return super.getProperty(key);
            }
        });
        memory.setDaemon(true);
        memory.start();
        paused.await();

        Thread probe = new Thread(() -> System.out.println("backend " + BackendInfo.current().shortText()), "probe");
        probe.setDaemon(true);
        probe.start();
        int waitingAtStart = 0;
        while (probe.isAlive() && !insideLoader(probe) && waitingAtStart < 20) {
            // Twenty polls in a row at BackendInfo.current itself: waiting for Pointer, not passing through.
            waitingAtStart = innermostIsBackendInfo(probe) ? waitingAtStart + 1 : 0;
            LockSupport.parkNanos(1_000_000L); // a poll interval, not a synchronisation
        }
        release.countDown();

        long deadline = System.currentTimeMillis() + JOIN_MS;
        memory.join(JOIN_MS);
        probe.join(Math.max(1, deadline - System.currentTimeMillis()));
        if (memory.isAlive() || probe.isAlive()) {
            System.out.println("deadlocked; probe at " + Arrays.stream(probe.getStackTrace()).limit(12).toList());
            System.exit(1);
        }
        System.out.println("both finished");
    }

    private static boolean insideLoader(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("org.bytedeco.javacpp.Loader"));
    }

    private static boolean innermostIsBackendInfo(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().equals(BackendInfo.class.getName());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

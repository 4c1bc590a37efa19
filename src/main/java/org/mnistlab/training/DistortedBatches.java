package org.mnistlab.training;

import java.nio.FloatBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.SplittableRandom;
import org.mnistlab.data.DigitDistorter;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.Normalization;

/**
 * Training batches made of freshly distorted copies of the training images, one batch ahead: while
 * the step trains on batch k, a worker thread distorts batch k + 1 on the other core, so the
 * distortion costs the step only the wait for whatever is not yet done.
 *
 * <p>Reproducible: each image's distortion is drawn from (seed, epoch, position in the epoch)
 * alone, so the same spec gives the same images whichever thread drew them and whenever.
 */
final class DistortedBatches implements BatchSource {
    private final DigitSet images;
    private final Normalization normalization;
    private final DigitDistorter distorter;
    private final long seed;
    private final float[] prepared;
    private final float[] scratch = DigitDistorter.scratch();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-distortion");
        thread.setDaemon(true);
        return thread;
    });
    private int epoch;
    private int[] order;
    /** The batch the worker is preparing (or has prepared) into {@link #prepared}, or null. */
    private Future<?> pending;
    private int pendingFrom = -1;
    private int pendingTo = -1;

    DistortedBatches(DigitSet images, Normalization normalization, DigitDistorter distorter, long seed,
            int batchSize) {
        this.images = images;
        this.normalization = normalization;
        this.distorter = distorter;
        this.seed = seed;
        this.prepared = new float[batchSize * DigitSet.PIXELS];
    }

    @Override
    public void startEpoch(int epoch, int[] order) {
        awaitPending();
        this.epoch = epoch;
        this.order = order;
        prepareAhead(0, Math.min(prepared.length / DigitSet.PIXELS, order.length));
    }

    @Override
    public void gather(int[] order, int from, int to, FloatBuffer into) {
        if (order != this.order || pendingFrom != from || pendingTo != to) {
            // Not the batch prepared ahead (a caller out of step): make it here, the slow way.
            awaitPending();
            this.order = order;
            prepare(from, to);
        } else {
            awaitPending();
        }
        into.put(0, prepared, 0, (to - from) * DigitSet.PIXELS);
        // The rows are copied out, so the buffer is free for the next batch.
        int next = Math.min(order.length, to + (to - from));
        if (to < order.length) prepareAhead(to, next);
    }

    /** The distorted, normalised inputs of {@code order[from..to)} in this epoch, for tests and previews. */
    float[] rows(int[] order, int from, int to) {
        float[] out = new float[(to - from) * DigitSet.PIXELS];
        float[] space = DigitDistorter.scratch();
        for (int r = 0; r < to - from; r++) distortRow(epoch, order, from + r, out, r, space);
        return out;
    }

    private void prepareAhead(int from, int to) {
        pendingFrom = from;
        pendingTo = to;
        int[] epochOrder = order;
        int epochNumber = epoch;
        pending = worker.submit(() -> {
            for (int r = 0; r < to - from; r++) distortRow(epochNumber, epochOrder, from + r, prepared, r, scratch);
        });
    }

    private void prepare(int from, int to) {
        pendingFrom = -1;
        pendingTo = -1;
        for (int r = 0; r < to - from; r++) distortRow(epoch, order, from + r, prepared, r, scratch);
    }

    private void distortRow(int epochNumber, int[] epochOrder, int position, float[] out, int row, float[] space) {
        SplittableRandom random = new SplittableRandom(mix(seed, epochNumber, position));
        int offset = row * DigitSet.PIXELS;
        distorter.distort(images.pixels(), epochOrder[position], out, offset, random, space);
        if (normalization != Normalization.SCALE_01) {
            for (int i = offset; i < offset + DigitSet.PIXELS; i++) out[i] = normalization.apply(out[i]);
        }
    }

    /** A well-spread seed for one image of one epoch (SplittableRandom's own mixing of a golden-ratio sequence). */
    static long mix(long seed, int epoch, int position) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) epoch << 32 | position & 0xFFFFFFFFL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void awaitPending() {
        if (pending == null) return;
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("distorting a training batch failed", e.getCause());
        } finally {
            pending = null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

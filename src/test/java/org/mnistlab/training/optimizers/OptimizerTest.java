package org.mnistlab.training.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnistlab.network.OptimizerKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Each optimiser against DL4J's own updater, gradient for gradient: the same parameters and the
 * same state (moments, accumulators) after every step, and after {@link Optimizer#reset} the state
 * a freshly created DL4J updater holds.
 */
public class OptimizerTest {
    private static final int N = 1000;
    private static final int STEPS = 6;

    /** A learning rate each optimiser is used with. */
    public static double learningRate(OptimizerKind kind) {
        return switch (kind) {
            case SGD, MOMENTUM, NESTEROV -> 0.1;
            case ADAGRAD -> 0.05;
            default -> 1e-3;
        };
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyStepAndItsStateMatchDl4jsUpdater(OptimizerKind kind) {
        IUpdater config = kind.updater(learningRate(kind), 0.9);
        long size = config.stateSize(N);
        INDArray view = size == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, size);
        GradientUpdater<?> dl4j = config.instantiate(view, true);
        Optimizer ours = Optimizers.create(kind, config, N);
        assertEquals(size, (long) ours.statesPerParameter() * N, "state size");
        ours.start(view == null ? new float[0] : view.data().asFloat());

        SplittableRandom random = new SplittableRandom(7);
        float[] params = new float[N];
        for (int i = 0; i < N; i++) params[i] = (float) random.nextGaussian();
        INDArray expected = Nd4j.create(params.clone(), new long[] {1, N}, 'c');
        for (int t = 0; t < STEPS; t++) {
            float[] g = new float[N];
            for (int i = 0; i < N; i++) g[i] = (float) (0.1 * random.nextGaussian() + (i % 7 == 0 ? 0.5 : 0));
            INDArray update = Nd4j.create(g.clone(), new long[] {1, N}, 'c');
            dl4j.applyUpdater(update, t, 0);
            expected.subi(update);
            ours.prepare(t, 0);
            ours.update(params, g, 0, N / 3); // in two blocks, as the fast path may split it
            ours.update(params, g, N / 3, N);
        }
        INDArray actual = Nd4j.create(params, new long[] {1, N}, 'c');
        double moved = expected.distance2(Nd4j.create(new float[N], new long[] {1, N}, 'c'));
        assertTrue(moved > 0, "the parameters moved");
        assertClose(expected, actual, 1e-5, kind + " parameters after " + STEPS + " steps");
        if (view != null) {
            float[] state = new float[(int) size];
            ours.saveState(state);
            assertClose(view, Nd4j.create(state, new long[] {1, size}, 'c'), 1e-5, kind + " state");

            ours.reset();
            ours.saveState(state);
            INDArray fresh = Nd4j.zeros(DataType.FLOAT, 1, size);
            config.instantiate(fresh, true);
            assertEquals(fresh, Nd4j.create(state, new long[] {1, size}, 'c'), kind + " state after reset");
        }
    }

    static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = Math.max(1e-6, expected.norm2Number().doubleValue());
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= tolerance * scale, what + ": relative difference " + difference / scale);
    }
}

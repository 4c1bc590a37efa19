package org.mnistlab.training;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.backend.Threads;
import org.mnistlab.data.DigitDistorter;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a network described by a {@link NetworkSpec} with mini-batch gradient descent, on the
 * caller's thread, reporting to a {@link TrainingListener}.
 *
 * <p>Each epoch visits the training images in a fresh order drawn from the spec's seed, so the
 * same spec and seed on the same machine give the same curve (up to float rounding in ND4J's
 * multithreaded kernels, below 1e-4 in the loss).
 *
 * <p>On the CPU every spec trains on the {@link FastPath} (the same maths as DL4J's {@code fit},
 * several times faster); on the GPU backend, and on request ({@link Engine#DL4J}), DL4J's
 * {@code fit} trains it. Either way the result is a DL4J network.
 */
public final class Trainer {
    /** Training accuracy is measured on this many training images (always the same ones), to stay cheap. */
    public static final int TRAIN_ACCURACY_SAMPLE = 5000;
    private final NetworkSpec spec;
    /** The images trained on: all given, less the validation images when the spec holds some out. */
    private final DigitSet train;
    /** The held-out images, or null. */
    private final DigitSet validation;
    private final DigitSet test;
    /** The training images as given, before any split: a copy with another engine splits them again. */
    private final DigitSet given;
    /** Images trained on besides {@link #given} (the student's own digits), never held out for validation. */
    private final DigitSet extra;
    private final int evaluateEveryBatches;
    private final Engine engine;
    private final StepProfile profile;
    /** A learning-rate schedule in place of the spec's (the range test's sweep), or null. */
    private final org.nd4j.linalg.schedule.ISchedule rateOverride;
    /** Where this run goes on from (a diverged run's last good checkpoint), or null to start afresh. */
    private Checkpoint resumeFrom;
    /** The rate set when going on from {@link #resumeFrom}. */
    private double resumeRate;
    private int checkpointEvery = Checkpoints.DEFAULT_EVERY_BATCHES;
    /** ND4J's kernels (DL4J's fit, evaluation) on small matrices: one thread beat two (see {@link Threads}). */
    private static final int KERNEL_THREADS = 1;

    /** Which code trains the network. */
    public enum Engine {
        /** The fast path when the spec allows it, else DL4J's {@code fit}. */
        AUTO,
        /** Always DL4J's {@code fit}: the reference the fast path is measured against. */
        DL4J
    }

    /**
     * @param evaluateEveryBatches also measure the test set every this many batches; 0 means only
     *     at the end of each epoch
     */
    public Trainer(NetworkSpec spec, DigitSet train, DigitSet test, int evaluateEveryBatches) {
        this(spec, train, test, evaluateEveryBatches, Engine.AUTO, null, null, null);
    }

    private Trainer(NetworkSpec spec, DigitSet train, DigitSet test, int evaluateEveryBatches,
            Engine engine, StepProfile profile, DigitSet extra, org.nd4j.linalg.schedule.ISchedule rateOverride) {
        int extraCount = extra == null ? 0 : extra.count();
        MemoryEstimate.requireRunnable(spec, train.count() + extraCount, test.count(), MemoryEstimate.availableBytes());
        if (evaluateEveryBatches < 0) {
            throw new IllegalArgumentException("evaluateEveryBatches must be >= 0");
        }
        this.spec = spec;
        if (spec.validates()) {
            DigitSet[] split = train.splitOff(spec.validationImages(), spec.seed());
            this.train = extra == null ? split[0] : split[0].concat(extra);
            this.validation = split[1];
        } else {
            this.train = extra == null ? train : train.concat(extra);
            this.validation = null;
        }
        this.test = test;
        this.given = train;
        this.extra = extra;
        this.evaluateEveryBatches = evaluateEveryBatches;
        this.engine = engine;
        this.profile = profile;
        this.rateOverride = rateOverride;
    }

    public Trainer(NetworkSpec spec, DigitSet train, DigitSet test) {
        this(spec, train, test, 0);
    }

    public Trainer withEngine(Engine chosen) {
        return carry(new Trainer(spec, given, test, evaluateEveryBatches, chosen, profile, extra, rateOverride));
    }

    /**
     * Goes on from {@code checkpoint} (taken by an earlier run of the same spec and data) at
     * {@code learningRate}: the same weights, optimiser state, step, epoch and batch, and the
     * epoch's order of images; the rate is set as a change by hand would set it (it replaces any
     * schedule) and reported to the listener as a rate change. Dropout masks and distortions
     * after it are drawn afresh.
     */
    public Trainer resumingFrom(Checkpoint checkpoint, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number");
        }
        Trainer copy = carry(new Trainer(spec, given, test, evaluateEveryBatches, engine, profile, extra, rateOverride));
        copy.resumeFrom = checkpoint;
        copy.resumeRate = learningRate;
        return copy;
    }

    /** Takes a checkpoint every {@code batches} batches instead of every {@value Checkpoints#DEFAULT_EVERY_BATCHES}. */
    public Trainer withCheckpointsEvery(int batches) {
        Trainer copy = carry(new Trainer(spec, given, test, evaluateEveryBatches, engine, profile, extra, rateOverride));
        if (batches < 1) throw new IllegalArgumentException("checkpoints must be at least 1 batch apart");
        copy.checkpointEvery = batches;
        return copy;
    }

    private Trainer carry(Trainer copy) {
        copy.resumeFrom = resumeFrom;
        copy.resumeRate = resumeRate;
        copy.checkpointEvery = checkpointEvery;
        return copy;
    }

    /**
     * Also trains on {@code more} (the student's own digits, already oversampled), after any
     * validation images are held out of the given ones: a copy of a drawing never lands in both
     * halves, and the validation set stays MNIST's.
     */
    public Trainer withExtraTraining(DigitSet more) {
        return carry(new Trainer(spec, given, test, evaluateEveryBatches, engine, profile,
                more == null || more.count() == 0 ? null : more, rateOverride));
    }

    /** How many images each epoch trains on, the extra ones included. */
    public int trainingImages() {
        return train.count();
    }

    /** Times each phase of every fast-path step into {@code into} (the DL4J path is not broken down). */
    public Trainer withProfile(StepProfile into) {
        return carry(new Trainer(spec, given, test, evaluateEveryBatches, engine, into, extra, rateOverride));
    }

    /** Trains at {@code schedule}'s rates instead of the spec's: the range test sweeps the rate so. */
    Trainer withRateSchedule(org.nd4j.linalg.schedule.ISchedule schedule) {
        return carry(new Trainer(spec, given, test, evaluateEveryBatches, engine, profile, extra, schedule));
    }

    /** Batches in one pass over {@code images}; the last one is smaller when they do not divide evenly. */
    public static int batchesPerEpoch(int images, int batchSize) {
        return (images + batchSize - 1) / batchSize;
    }

    /** "fast path", or "DL4J fit" with the reason the fast path does not apply. */
    public String engineDescription() {
        if (engine == Engine.DL4J) return "DL4J fit";
        String unsupported = FastPath.unsupportedReason(spec);
        return unsupported == null ? "fast path" : "DL4J fit (the fast path does not support " + unsupported + ")";
    }

    /** The thread settings a run uses, e.g. "OpenBLAS 2 threads, ND4J kernels 1 thread". */
    public String threadDescription() {
        int blas = blasThreads();
        return "OpenBLAS " + blas + (blas == 1 ? " thread" : " threads") + ", ND4J kernels "
                + KERNEL_THREADS + (KERNEL_THREADS == 1 ? " thread" : " threads");
    }

    private boolean usesFastPath() {
        return engine == Engine.AUTO && FastPath.unsupportedReason(spec) == null;
    }

    /**
     * One per core on the fast path, where OpenBLAS's products are most of the work; one under
     * DL4J's fit, where its threads only contend with ND4J's (see {@link Threads}). Distorting
     * images takes a core of its own (the next batch is warped while this one trains), so OpenBLAS
     * then gets the others: sharing a core with the distortion thread, its two threads waited on
     * each other, and 784-128-10 trained at a quarter of its undistorted speed.
     */
    private int blasThreads() {
        if (!usesFastPath()) return 1;
        boolean distorting = spec.augmentation() != Augmentation.OFF;
        return distorting ? Math.max(1, Threads.cores() - 1) : Threads.cores();
    }

    public TrainingOutcome run(TrainingListener listener, TrainingControl control) {
        // A schedule counts the steps of this run's epochs: the images trained on, the extra ones included.
        MultiLayerNetwork network = Dl4jNetworks.create(spec, train.count() + spec.validationImages(), rateOverride);
        if (resumeFrom != null) restore(network, resumeFrom, resumeRate);
        RunLoop loop = new RunLoop(network, listener, control);
        try (Threads.Restore restore = Threads.forRun(KERNEL_THREADS, blasThreads());
             loop.steps) {
            return loop.execute();
        }
    }

    /** Puts {@code checkpoint} into a fresh network, before either engine reads its state. */
    private void restore(MultiLayerNetwork network, Checkpoint checkpoint, double rate) {
        if (checkpoint.params().length != network.params().length()) {
            throw new IllegalArgumentException("the checkpoint is of another network");
        }
        // First: DL4J replaces the updater state array when the rate is set.
        if (spec.optimizer().usesLearningRate()) network.setLearningRate(rate);
        network.params().assign(Nd4j.createFromArray(checkpoint.params()));
        INDArray state = network.getUpdater(true).getStateViewArray();
        if (state != null && checkpoint.updaterState().length > 0) {
            state.assign(Nd4j.createFromArray(checkpoint.updaterState()).reshape(state.shape()));
        }
        network.setIterationCount(checkpoint.step());
        network.setEpochCount(checkpoint.epochsCompleted());
    }

    /** Trains one batch at a time, either way. */
    private interface Steps extends AutoCloseable {
        /** Called once per epoch with the epoch's order, before its batches. */
        default void startEpoch(int epoch, int[] order) {}

        /** @return the batch's training loss */
        double train(int[] order, int from, int to);

        /** Brings the network's iteration count and optimiser state up to date, before it is copied. */
        default void sync() {}

        @Override
        default void close() {}
    }

    /**
     * DL4J's own {@code fit}, on views of the epoch's shuffled copy of the data, or on each batch's
     * distorted copies when the spec distorts.
     */
    private static final class Dl4jSteps implements Steps {
        private final MultiLayerNetwork network;
        private final INDArray features;
        private final INDArray labels;
        /** Null when the stored rows are used as they are. */
        private final DistortedBatches distorted;
        private INDArray epochFeatures;
        private INDArray epochLabels;

        Dl4jSteps(MultiLayerNetwork network, INDArray features, INDArray labels, DistortedBatches distorted) {
            this.network = network;
            this.features = features;
            this.labels = labels;
            this.distorted = distorted;
        }

        @Override
        public void startEpoch(int epoch, int[] order) {
            freeEpochCopies();
            if (distorted == null) epochFeatures = Nd4j.pullRows(features, 1, order);
            epochLabels = Nd4j.pullRows(labels, 1, order);
        }

        @Override
        public double train(int[] order, int from, int to) {
            INDArray batch = distorted == null
                    ? epochFeatures.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                    : Nd4j.create(distorted.rows(order, from, to), new long[] {to - from, NetworkSpec.INPUTS}, 'c');
            network.fit(new DataSet(batch, epochLabels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())));
            return network.score();
        }

        @Override
        public void close() {
            freeEpochCopies();
            NativeMemory.free(network, labels);
        }

        private void freeEpochCopies() {
            if (epochFeatures != null) NativeMemory.free(network, epochFeatures);
            if (epochLabels != null) NativeMemory.free(network, epochLabels);
        }
    }

    /** The {@link FastPath}, which follows learning-rate changes through the network's own updater config. */
    private static final class FastSteps implements Steps {
        private final FastPath path;
        private final StepProfile profile;

        FastSteps(FastPath path, StepProfile profile) {
            this.path = path;
            this.profile = profile;
        }

        @Override
        public void startEpoch(int epoch, int[] order) {
            if (profile != null) profile.skipGap();
        }

        @Override
        public double train(int[] order, int from, int to) {
            return path.step(order, from, to);
        }

        @Override
        public void sync() {
            path.syncToNetwork();
        }

        @Override
        public void close() {
            path.close();
        }
    }

    /** The state of one run as it goes through its epochs and batches; keeps {@link #run} readable. */
    private final class RunLoop {
        private final MultiLayerNetwork network;
        private final TrainingListener listener;
        private final TrainingControl control;
        private final INDArray features = train.features(spec.normalization());
        private final Steps steps;
        private final INDArray testFeatures = test.features(spec.normalization());
        /** Distorted training rows, when the spec asks for them; the test set is never distorted. */
        private final DistortedBatches distorted = spec.augmentation().distorts()
                ? new DistortedBatches(train, spec.normalization(),
                        new DigitDistorter(spec.augmentation().ranges(), spec.seed()), spec.seed(), spec.batchSize())
                : null;
        private final DigitSet trainSample = train.first(TRAIN_ACCURACY_SAMPLE);
        private final INDArray trainSampleFeatures = trainSample.features(spec.normalization());
        private final INDArray validationFeatures = validation == null ? null
                : validation.features(spec.normalization());
        private final EarlyStopping earlyStopping = new EarlyStopping(spec.patience());
        private EvaluationPoint bestValidation;
        /** Each epoch's end-of-epoch measurement, by epoch (index 0 is epoch 1). */
        private final java.util.List<EvaluationPoint> epochEnds = new java.util.ArrayList<>();
        private int restoredEpoch;
        private int stoppedEarlyAt;
        private final Random shuffleRandom = new Random(spec.seed());
        private final DivergenceDetector divergence = new DivergenceDetector(spec);
        private final int batchesPerEpoch = batchesPerEpoch(train.count(), spec.batchSize());
        private final StalledLossDetector stalled = new StalledLossDetector(batchesPerEpoch);
        private String hint = "";
        /** The rate the user set: the spec's, or a change during the run (which replaces any schedule, as in DL4J). */
        private double learningRate = spec.learningRate();
        /** Steps trained so far: the iteration a schedule reads. */
        private int iteration;
        private long examplesSeen;
        private int epochsCompleted;
        private EvaluationPoint lastEvaluation;
        private final Checkpoints checkpoints = new Checkpoints(checkpointEvery);
        /** Where the first epoch of this call starts: 1 and 1, or a checkpoint's place. */
        private int firstEpoch = 1;
        private int firstBatch = 1;

        RunLoop(MultiLayerNetwork network, TrainingListener listener, TrainingControl control) {
            this.network = network;
            this.listener = listener;
            this.control = control;
            steps = usesFastPath()
                    ? new FastSteps(new FastPath(spec, network, features, train.labels(), profile, distorted), profile)
                    : new Dl4jSteps(network, features, train.oneHotLabels(), distorted);
            if (resumeFrom != null) {
                iteration = resumeFrom.step();
                examplesSeen = resumeFrom.examplesSeen();
                epochsCompleted = resumeFrom.epochsCompleted();
                firstEpoch = resumeFrom.epoch();
                firstBatch = resumeFrom.nextBatch();
                if (spec.optimizer().usesLearningRate()) learningRate = resumeRate;
                // The same orders as the first run drew: each epoch's is the next draw from the seed.
                for (int e = 1; e < firstEpoch; e++) DigitSet.permutation(train.count(), shuffleRandom);
            }
        }

        /** The run as it is now, copied out of the network (the fast path's state synced first). */
        private Checkpoint takeCheckpoint(int epoch, int nextBatch) {
            steps.sync();
            INDArray state = network.getUpdater(true).getStateViewArray();
            return new Checkpoint(iteration, epoch, nextBatch, examplesSeen, epochsCompleted, learningRate,
                    network.params().toFloatVector(), state == null ? new float[0] : state.toFloatVector());
        }

        TrainingOutcome execute() {
            try (earlyStopping) {
                checkpoints.start(takeCheckpoint(firstEpoch, firstBatch));
                if (resumeFrom != null) listener.onLearningRateChanged(examplesSeen, learningRate);
                for (int epoch = firstEpoch; epoch <= spec.epochs(); epoch++) {
                    TrainingOutcome early = trainEpoch(epoch);
                    if (early != null) return early;
                    epochsCompleted = epoch;
                    if (stoppedEarlyAt > 0) break;
                }
                String message = "";
                if (spec.patience() > 0 && earlyStopping.bestEpoch() > 0) {
                    earlyStopping.restoreBest(network);
                    restoredEpoch = earlyStopping.bestEpoch();
                    lastEvaluation = epochEnds.get(restoredEpoch - 1); // the network the outcome holds
                    message = (stoppedEarlyAt > 0 ? "Stopped early at epoch " + stoppedEarlyAt : "Finished")
                            + ", best at epoch " + restoredEpoch + String.format(java.util.Locale.ROOT,
                                    " (validation loss %.4f): the network is the one from epoch %d.",
                                    earlyStopping.bestLoss(), restoredEpoch);
                }
                return outcome(TrainingOutcome.Status.COMPLETED, message);
            } finally {
                if (distorted != null) distorted.close();
                NativeMemory.free(network, features, testFeatures, trainSampleFeatures);
                if (validationFeatures != null) NativeMemory.free(network, validationFeatures);
            }
        }

        /** @return an outcome if the run ended during this epoch, else null */
        private TrainingOutcome trainEpoch(int epoch) {
            int[] order = DigitSet.permutation(train.count(), shuffleRandom);
            if (distorted != null) distorted.startEpoch(epoch, order);
            steps.startEpoch(epoch, order);
            long trainingNanos = 0;
            long epochExamples = 0;
            double lossSum = 0;
            int startBatch = epoch == firstEpoch ? firstBatch : 1;
            for (int batch = startBatch; batch <= batchesPerEpoch; batch++) {
                if (stopRequested()) {
                    return outcome(TrainingOutcome.Status.CANCELLED,
                            "Stopped at epoch " + epoch + ", batch " + batch + ".");
                }
                applyLearningRateRequest();
                int from = (batch - 1) * spec.batchSize();
                int to = Math.min(train.count(), from + spec.batchSize());
                double rate = rateInForce();
                long start = System.nanoTime();
                double loss = steps.train(order, from, to);
                iteration++;
                trainingNanos += System.nanoTime() - start;
                examplesSeen += to - from;
                epochExamples += to - from;

                String diverged = divergence.check(loss, epoch, batch, learningRate);
                if (diverged != null) {
                    // Halving the rate is no remedy for an optimiser without one (AdaDelta).
                    Checkpoint goOnFrom = spec.optimizer().usesLearningRate() ? checkpoints.lastGood() : null;
                    return outcome(TrainingOutcome.Status.DIVERGED, diverged).diverged(goOnFrom, rate);
                }
                int next = batch + 1;
                checkpoints.afterBatch(iteration, loss, () -> takeCheckpoint(epoch, next));
                String stalledHint = stalled.check(loss);
                if (stalledHint != null) {
                    hint = stalledHint;
                    listener.onHint(epoch, batch, stalledHint);
                }
                lossSum += loss * (to - from);
                double samplesPerSecond = epochExamples / (trainingNanos / 1e9);
                listener.onBatch(new BatchProgress(epoch, batch, batchesPerEpoch, examplesSeen, loss,
                        samplesPerSecond, rate));
                if (evaluateEveryBatches > 0 && batch % evaluateEveryBatches == 0 && batch < batchesPerEpoch) {
                    evaluate(epoch, batch, false);
                }
            }
            EvaluationPoint end = evaluate(epoch, batchesPerEpoch, true);
            listener.onEpochEnd(new EpochSummary(epoch, lossSum / epochExamples, end.testLoss(),
                    end.testAccuracy(), epochExamples / (trainingNanos / 1e9), end.validationLoss(),
                    end.validationAccuracy(), end.trainAccuracy()));
            epochEnds.add(end);
            if (end.hasValidation()) {
                if (bestValidation == null || end.validationAccuracy() > bestValidation.validationAccuracy()) {
                    bestValidation = end;
                }
                if (earlyStopping.afterEpoch(epoch, end.validationLoss(), network)) stoppedEarlyAt = epoch;
            }
            network.incrementEpochCount(); // as DL4J's fit(iterator) counts them; epoch schedules read it
            steps.sync(); // the fast path keeps its optimiser state and the iteration count to itself until then
            listener.onEpochModel(() -> new TrainedModel(spec, network.clone()));
            return null;
        }

        private boolean stopRequested() {
            try {
                control.awaitIfPaused();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            return control.isCancelled() || Thread.currentThread().isInterrupted();
        }

        /**
         * The rate this step trains at: what the updater config gives for this iteration and epoch,
         * which is what both engines read, so a schedule and a change by hand are reported alike.
         */
        private double rateInForce() {
            if (!spec.optimizer().usesLearningRate()) return learningRate;
            org.deeplearning4j.nn.conf.layers.BaseLayer layer =
                    (org.deeplearning4j.nn.conf.layers.BaseLayer) network.getLayerWiseConfigurations().getConf(0).getLayer();
            return layer.getIUpdater().getLearningRate(iteration, network.getEpochCount());
        }

        private void applyLearningRateRequest() {
            Double requested = control.takeLearningRateRequest();
            if (requested != null && spec.optimizer().usesLearningRate() && requested != learningRate) {
                network.setLearningRate(requested); // both engines read it from the network's updater config
                learningRate = requested;
                listener.onLearningRateChanged(examplesSeen, requested);
            }
        }

        private EvaluationPoint evaluate(int epoch, int batch, boolean endOfEpoch) {
            EvaluationReport report = Evaluator.evaluate(network, testFeatures, test.labels());
            double trainAccuracy = Evaluator.evaluate(network, trainSampleFeatures, trainSample.labels()).accuracy();
            EvaluationReport held = validation == null ? null
                    : Evaluator.evaluate(network, validationFeatures, validation.labels());
            lastEvaluation = new EvaluationPoint(epoch, batch, examplesSeen, report.loss(),
                    report.accuracy(), endOfEpoch, held == null ? Double.NaN : held.loss(),
                    held == null ? Double.NaN : held.accuracy(), trainAccuracy);
            listener.onEvaluation(lastEvaluation);
            return lastEvaluation;
        }

        private TrainingOutcome outcome(TrainingOutcome.Status status, String message) {
            return new TrainingOutcome(status, message, epochsCompleted, examplesSeen, lastEvaluation,
                    new TrainedModel(spec, network), hint, bestValidation, restoredEpoch, stoppedEarlyAt);
        }
    }
}

package org.mnistlab.training;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.InvalidSpecException;
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
 */
public final class Trainer {
    private final NetworkSpec spec;
    private final DigitSet train;
    private final DigitSet test;
    private final int evaluateEveryBatches;

    /**
     * @param evaluateEveryBatches also measure the test set every this many batches; 0 means only
     *     at the end of each epoch
     */
    public Trainer(NetworkSpec spec, DigitSet train, DigitSet test, int evaluateEveryBatches) {
        if (spec.batchSize() > train.count()) {
            throw new InvalidSpecException("batch size", spec.batchSize()
                    + " is larger than the " + train.count() + " training images");
        }
        MemoryEstimate.of(spec, train.count(), test.count()).requireAvailable(spec);
        if (evaluateEveryBatches < 0) {
            throw new IllegalArgumentException("evaluateEveryBatches must be >= 0");
        }
        this.spec = spec;
        this.train = train;
        this.test = test;
        this.evaluateEveryBatches = evaluateEveryBatches;
    }

    public Trainer(NetworkSpec spec, DigitSet train, DigitSet test) {
        this(spec, train, test, 0);
    }

    public TrainingOutcome run(TrainingListener listener, TrainingControl control) {
        MultiLayerNetwork network = Dl4jNetworks.create(spec);
        Run run = new Run(network, listener, control);
        return run.execute();
    }

    /** The state of one run; keeps {@link #run}'s loop readable. */
    private final class Run {
        private final MultiLayerNetwork network;
        private final TrainingListener listener;
        private final TrainingControl control;
        private final INDArray features = train.features(spec.normalization());
        private final INDArray labels = train.oneHotLabels();
        private final INDArray testFeatures = test.features(spec.normalization());
        private final Random shuffleRandom = new Random(spec.seed());
        private final DivergenceDetector divergence = new DivergenceDetector();
        private final int batchesPerEpoch = (train.count() + spec.batchSize() - 1) / spec.batchSize();
        private double learningRate = spec.learningRate();
        private long examplesSeen;
        private int epochsCompleted;
        private EvaluationPoint lastEvaluation;

        Run(MultiLayerNetwork network, TrainingListener listener, TrainingControl control) {
            this.network = network;
            this.listener = listener;
            this.control = control;
        }

        TrainingOutcome execute() {
            try {
                for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                    TrainingOutcome early = trainEpoch(epoch);
                    if (early != null) return early;
                    epochsCompleted = epoch;
                }
                return outcome(TrainingOutcome.Status.COMPLETED, "");
            } finally {
                free(features, labels, testFeatures);
            }
        }

        /** @return an outcome if the run ended during this epoch, else null */
        private TrainingOutcome trainEpoch(int epoch) {
            int[] order = DigitSet.permutation(train.count(), shuffleRandom);
            INDArray epochFeatures = Nd4j.pullRows(features, 1, order);
            INDArray epochLabels = Nd4j.pullRows(labels, 1, order);
            try {
                return trainEpoch(epoch, epochFeatures, epochLabels);
            } finally {
                free(epochFeatures, epochLabels);
            }
        }

        /**
         * Frees native memory now instead of whenever the garbage collector notices: the Java
         * side of an INDArray is tiny, so dozens of stopped runs' images (40 MB to 400 MB each)
         * could otherwise pile up off-heap between collections. The network keeps a reference to
         * the last batch it saw, a view into these arrays, so that goes first.
         */
        private void free(INDArray... arrays) {
            network.clear();
            for (INDArray array : arrays) {
                if (array.closeable()) array.close();
            }
        }

        private TrainingOutcome trainEpoch(int epoch, INDArray epochFeatures, INDArray epochLabels) {
            long trainingNanos = 0;
            long epochExamples = 0;
            double lossSum = 0;
            for (int batch = 1; batch <= batchesPerEpoch; batch++) {
                if (stopRequested()) {
                    return outcome(TrainingOutcome.Status.CANCELLED,
                            "Stopped at epoch " + epoch + ", batch " + batch + ".");
                }
                applyLearningRateRequest();
                int from = (batch - 1) * spec.batchSize();
                int to = Math.min(train.count(), from + spec.batchSize());
                DataSet data = new DataSet(
                        epochFeatures.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                        epochLabels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));

                long start = System.nanoTime();
                network.fit(data);
                double loss = network.score();
                trainingNanos += System.nanoTime() - start;
                examplesSeen += to - from;
                epochExamples += to - from;

                String diverged = divergence.check(loss, epoch, batch, learningRate);
                if (diverged != null) {
                    return outcome(TrainingOutcome.Status.DIVERGED, diverged);
                }
                lossSum += loss * (to - from);
                double samplesPerSecond = epochExamples / (trainingNanos / 1e9);
                listener.onBatch(new BatchProgress(epoch, batch, batchesPerEpoch, examplesSeen, loss,
                        samplesPerSecond, learningRate));
                if (evaluateEveryBatches > 0 && batch % evaluateEveryBatches == 0 && batch < batchesPerEpoch) {
                    evaluate(epoch, batch, false);
                }
            }
            EvaluationPoint end = evaluate(epoch, batchesPerEpoch, true);
            listener.onEpochEnd(new EpochSummary(epoch, lossSum / epochExamples, end.testLoss(),
                    end.testAccuracy(), epochExamples / (trainingNanos / 1e9)));
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

        private void applyLearningRateRequest() {
            Double requested = control.takeLearningRateRequest();
            if (requested != null && spec.optimizer().usesLearningRate() && requested != learningRate) {
                network.setLearningRate(requested);
                learningRate = requested;
                listener.onLearningRateChanged(examplesSeen, requested);
            }
        }

        private EvaluationPoint evaluate(int epoch, int batch, boolean endOfEpoch) {
            EvaluationReport report = Evaluator.evaluate(network, testFeatures, test.labels());
            lastEvaluation = new EvaluationPoint(epoch, batch, examplesSeen, report.loss(),
                    report.accuracy(), endOfEpoch);
            listener.onEvaluation(lastEvaluation);
            return lastEvaluation;
        }

        private TrainingOutcome outcome(TrainingOutcome.Status status, String message) {
            return new TrainingOutcome(status, message, epochsCompleted, examplesSeen, lastEvaluation,
                    new TrainedModel(spec, network));
        }
    }
}

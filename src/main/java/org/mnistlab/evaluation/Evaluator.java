package org.mnistlab.evaluation;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.TrainedModel;

/** Runs a network over labelled images in chunks and reports loss, accuracy, precision, recall and confusion. */
public final class Evaluator {
    /** Rows per forward pass: bounds memory for wide networks (10,000 × 4096 floats is 160 MB). */
    public static final int CHUNK = 1000;

    private Evaluator() {}

    /**
     * Judges {@code model} on {@code images}, normalising them the way the model was trained. Holds
     * the model's lock while it runs (the lock is re-entrant, so a caller may hold it too).
     */
    public static EvaluationReport evaluate(TrainedModel model, DigitSet images) {
        INDArray features = images.features(model.spec().normalization());
        synchronized (model) { // a model is shared with the drawing pad, which runs it too
            return evaluate(model.network(), features, images.labels());
        }
    }

    /**
     * The trainer's form, for a network under training whose test features it keeps.
     *
     * @param features {@code n × 784}, already normalised the way the network was trained
     * @param labels the true digit of each row
     */
    public static EvaluationReport evaluate(MultiLayerNetwork network, INDArray features, byte[] labels) {
        int n = (int) features.rows();
        Evaluation evaluation = new Evaluation(DigitSet.CLASSES);
        int[] predictions = new int[n];
        float[][] allProbabilities = new float[n][];
        double lossSum = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            INDArray probabilities = network.output(
                    features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()), false);
            float[][] p = probabilities.toFloatMatrix();
            for (int r = 0; r < to - from; r++) {
                int actual = labels[from + r];
                int best = TrainedModel.argMax(p[r]);
                predictions[from + r] = best;
                allProbabilities[from + r] = p[r];
                evaluation.eval(best, actual); // DL4J's order: predicted, then actual
                // Clamp as PyTorch's log_softmax effectively does: a certain wrong answer costs
                // a large but finite loss instead of infinity.
                lossSum -= Math.log(Math.max(p[r][actual], 1e-30));
            }
        }
        double[] perClass = new double[DigitSet.CLASSES];
        double[] precision = new double[DigitSet.CLASSES];
        int[][] confusion = new int[DigitSet.CLASSES][DigitSet.CLASSES];
        for (int actual = 0; actual < DigitSet.CLASSES; actual++) {
            for (int predicted = 0; predicted < DigitSet.CLASSES; predicted++) {
                confusion[actual][predicted] = evaluation.getConfusionMatrix().getCount(actual, predicted);
            }
            // DL4J's own default for a digit with no images (recall) or never answered (precision)
            // is 0, which reads as "always wrong"; NaN says "no evidence".
            perClass[actual] = evaluation.recall(actual, Double.NaN);
            precision[actual] = evaluation.precision(actual, Double.NaN);
        }
        double accuracy = n == 0 ? Double.NaN : evaluation.accuracy();
        return new EvaluationReport(n, n == 0 ? Double.NaN : lossSum / n, accuracy, perClass, precision,
                confusion, predictions, labels.clone(), allProbabilities);
    }
}

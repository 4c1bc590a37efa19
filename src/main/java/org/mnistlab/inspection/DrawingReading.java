package org.mnistlab.inspection;

import java.util.List;
import org.mnistlab.data.Normalization;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.network.TrainedModel;

/**
 * Everything the drawing pad shows for one drawing, from one preprocessing and one forward pass:
 * the MNIST recipe step by step, what every hidden layer makes of it, and the answer.
 *
 * @param steps the ink box, the 20 px digit and the centred 28×28 field
 * @param input the network's input: the centred field after the model's normalisation
 * @param strips each hidden layer's activations, first hidden layer first
 * @param probabilities the 10 class probabilities
 */
public record DrawingReading(DigitPreprocessor.Steps steps, float[] input, List<ActivationStrip> strips,
        float[] probabilities) {

    /** @throws org.mnistlab.drawing.BlankImageException when there is no ink to read */
    public static DrawingReading of(InkImage drawing, TrainedModel model) {
        DigitPreprocessor.Steps steps = DigitPreprocessor.steps(drawing);
        float[][] outputs = model.layerOutputs(steps.centred());
        return new DrawingReading(steps, outputs[0], ActivationStrip.of(outputs), outputs[outputs.length - 1]);
    }

    /**
     * How to draw {@link #input}: pixels scaled to [0, 1] are ink, shown grey; standardised
     * pixels have a sign (paper is about −0.42), shown on the diverging scale.
     */
    public static boolean inputHasSign(Normalization normalization) {
        return normalization != Normalization.SCALE_01;
    }
}

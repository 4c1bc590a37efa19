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
 * @param drawing the picture read (the pad's canvas)
 * @param steps the ink box, the 20 px digit and the centred 28×28 field
 * @param input the network's input: the centred field after the model's normalisation
 * @param normalization which normalisation that was
 * @param strips each hidden layer's activations, first hidden layer first
 * @param probabilities the 10 class probabilities
 */
public record DrawingReading(InkImage drawing, DigitPreprocessor.Steps steps, float[] input, Normalization normalization,
        List<ActivationStrip> strips, float[] probabilities) {

    /** @throws org.mnistlab.drawing.BlankImageException when there is no ink to read */
    public static DrawingReading of(InkImage drawing, TrainedModel model) {
        DigitPreprocessor.Steps steps = DigitPreprocessor.steps(drawing);
        float[][] outputs = model.layerOutputs(steps.centred());
        return new DrawingReading(drawing, steps, outputs[0], model.spec().normalization(), ActivationStrip.of(outputs),
                outputs[outputs.length - 1]);
    }

    /**
     * How to draw {@link #input}: pixels scaled to [0, 1] are ink, shown grey; standardised
     * pixels have a sign (paper is about −0.42), shown on the diverging scale.
     */
    public boolean inputHasSign() {
        return normalization != Normalization.SCALE_01;
    }
}

package org.mnistlab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.testing.TestData;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/**
 * The drawing pad's promise: a plain network trained the way a student would train it reads
 * digits drawn with a mouse, through exactly the path the pad and {@code predict} use.
 * The digits are the committed set in {@code src/test/resources/mouse-digits} (see its README).
 */
class MouseDigitsTest {
    /** 784-128-10 ReLU, plain SGD 0.1, batch 100, 3 epochs: what a student tries first. */
    static final NetworkSpec STUDENT_NETWORK = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(128, ActivationKind.RELU)))
            .optimizer(OptimizerKind.SGD).learningRate(0.1).batchSize(100).epochs(3).build();

    @Test
    void studentNetworkReadsAtLeastNinetyPercentOfMouseDrawnDigits() throws Exception {
        List<Path> files = mouseDigits();
        assertEquals(10 * MouseDigitRenderer.PER_DIGIT, files.size(), "the committed set is complete");

        MnistData mnist = TestData.mnist();
        TrainingOutcome outcome = new Trainer(STUDENT_NETWORK, mnist.train(), mnist.test().first(2000))
                .run(TrainingListener.NONE, new TrainingControl());
        TrainedModel model = outcome.model();

        int[] wrongPerDigit = new int[10];
        List<String> misread = new ArrayList<>();
        for (Path file : files) {
            int label = Character.digit(file.getFileName().toString().charAt(0), 10);
            int read = TrainedModel.argMax(model.probabilities(DigitPreprocessor.toMnist(ImageFiles.read(file))));
            if (read != label) {
                wrongPerDigit[label]++;
                misread.add(file.getFileName() + "→" + read);
            }
        }
        double accuracy = 1 - (double) misread.size() / files.size();
        String report = String.format(Locale.ROOT,
                "%.1f%% of %d mouse digits read correctly (MNIST test accuracy %.2f%%); wrong per digit 0-9: %s; %s",
                100 * accuracy, files.size(), 100 * outcome.lastEvaluation().testAccuracy(),
                Arrays.toString(wrongPerDigit), misread);
        System.out.println(report);
        assertTrue(accuracy >= 0.90, report);
    }

    private static List<Path> mouseDigits() throws URISyntaxException, IOException {
        Path folder = Path.of(MouseDigitsTest.class.getResource("/mouse-digits").toURI());
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}

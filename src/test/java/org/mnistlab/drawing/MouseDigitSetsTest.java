package org.mnistlab.drawing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/**
 * The bundled default model against both mouse-digit sets: the committed one of
 * {@link MouseDigitRenderer} and the harder one {@link PenPathDigits} draws on the spot. The
 * figures are the ones in {@code assets/models/README.md}.
 */
class MouseDigitSetsTest {
    /** What one set scored: right out of total, and which were misread as what. */
    record Score(int right, int total, List<String> misread) {
        double accuracy() {
            return (double) right / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d (%.1f%%), misread %s", right, total, 100 * accuracy(), misread);
        }
    }

    static Score committedSet(TrainedModel model) throws IOException, URISyntaxException {
        Path folder = Path.of(MouseDigitSetsTest.class.getResource("/mouse-digits").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        int right = 0;
        List<String> misread = new ArrayList<>();
        for (Path file : files) {
            int label = Character.digit(file.getFileName().toString().charAt(0), 10);
            int read = TrainedModel.argMax(model.probabilities(DigitPreprocessor.toMnist(ImageFiles.read(file))));
            if (read == label) right++;
            else misread.add(file.getFileName() + "→" + read);
        }
        return new Score(right, files.size(), misread);
    }

    static Score penPathSet(TrainedModel model) {
        int right = 0;
        List<String> misread = new ArrayList<>();
        List<PenPathDigits.Drawing> drawings = PenPathDigits.all();
        for (PenPathDigits.Drawing d : drawings) {
            int read = TrainedModel.argMax(model.probabilities(DigitPreprocessor.toMnist(d.ink())));
            if (read == d.label()) right++;
            else misread.add(d.label() + "-" + d.n() + "→" + read);
        }
        return new Score(right, drawings.size(), misread);
    }

    @Test
    void theHarderSetIsTheSameOnEveryRunAndSpansWhatItPromises() {
        List<PenPathDigits.Drawing> all = PenPathDigits.all();
        assertEquals(10 * PenPathDigits.PER_DIGIT, all.size());
        assertArrayEquals(DigitPreprocessor.toMnist(PenPathDigits.draw(7, 11).ink()),
                DigitPreprocessor.toMnist(all.get(7 * PenPathDigits.PER_DIGIT + 11).ink()), "drawn from its own seed alone");
        double thinnest = all.stream().mapToDouble(d -> d.brushWidth() / 2).min().orElseThrow();
        double widest = all.stream().mapToDouble(d -> d.brushWidth() / 2).max().orElseThrow();
        assertTrue(thinnest >= 6 && thinnest < 7 && widest <= 18 && widest > 17, thinnest + "–" + widest + " px radius");
        for (int digit : new int[] {1, 4, 5, 7, 8, 9}) {
            int fixed = digit;
            assertTrue(all.stream().anyMatch(d -> d.label() == fixed && d.strokes().size() == 2), digit + " in two strokes");
            assertTrue(all.stream().anyMatch(d -> d.label() == fixed && d.strokes().size() == 1), digit + " in one");
        }
    }

    @Test
    void theBundledDefaultModelReadsBothMouseSets() throws Exception {
        TrainedModel model = ModelFile.loadBundledDefault().model();
        Score committed = committedSet(model);
        Score harder = penPathSet(model);
        String report = "committed set " + committed + "; pen-path set " + harder;
        System.out.println(report);
        assertTrue(committed.accuracy() >= 0.98, report);
        assertTrue(harder.accuracy() >= 0.98, report); // the default trained on distorted digits (issue 16)
    }
}

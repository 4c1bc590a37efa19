package org.mnistlab.mydigits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.drawing.LabelledImages;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.drawing.Stroke;
import org.mnistlab.testing.TestData;

class MyDigitsStoreTest {
    @TempDir
    Path dir;

    private static final DigitSet TEST = TestData.mnist().test();
    private static final List<Stroke> STROKES = List.of(Stroke.at(40, 50).then(120, 60).then(200, 240),
            Stroke.at(90, 140).then(180, 140));

    private MyDigitsStore store() {
        return new MyDigitsStore(dir.resolve("my-digits"));
    }

    @Test
    void keptDigitsComeBackAfterARestartWithTheirLabelsPicturesAndStrokes() {
        MyDigit seven = store().keep(7, TEST.intensities(0), STROKES);
        MyDigit two = store().keep(2, TEST.intensities(1), List.of());

        MyDigitsStore.Loaded loaded = new MyDigitsStore(dir.resolve("my-digits")).load();

        assertEquals(List.of(), loaded.skipped());
        assertEquals(2, loaded.digits().size());
        MyDigit first = loaded.digits().get(0);
        assertEquals(seven.id(), first.id());
        assertEquals(7, first.label());
        assertArrayEquals(seven.pixels(), first.pixels(), 1e-6f);
        assertEquals(STROKES, first.strokes());
        assertEquals(2, loaded.digits().get(1).label());
        assertEquals(List.of(), loaded.digits().get(1).strokes());
        assertArrayEquals(two.pixels(), loaded.digits().get(1).pixels(), 1e-6f);
    }

    @Test
    void aKeptDigitIsOnePngNamedByItsLabelThatTheImageFolderReaderReads() throws IOException {
        MyDigit kept = store().keep(7, TEST.intensities(0), STROKES);
        Path png = dir.resolve("my-digits").resolve("digit_7_" + kept.id() + ".png");
        assertTrue(Files.isRegularFile(png));
        LabelledImages.Folder asFolder = LabelledImages.read(dir.resolve("my-digits"));
        assertEquals(1, asFolder.images().size());
        assertEquals(7, asFolder.images().get(0).label());
        try (Stream<Path> files = Files.list(dir.resolve("my-digits"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "no temporary file left");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10, 42})
    void aLabelOutsideZeroToNineIsRefusedAndNothingIsWritten(int label) {
        MyDigitsException e = assertThrows(MyDigitsException.class,
                () -> store().keep(label, TEST.intensities(0), STROKES));
        assertTrue(e.getMessage().contains("label " + label) && e.getMessage().contains("0 to 9"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("my-digits")));
    }

    @Test
    void aBlankDrawingIsRefused() {
        MyDigitsException e = assertThrows(MyDigitsException.class,
                () -> store().keep(3, new float[DigitSet.PIXELS], List.of()));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
        assertEquals(List.of(), store().load().digits());
    }

    @Test
    void aNewLabelAndADeleteLastAfterARestart() {
        MyDigit a = store().keep(1, TEST.intensities(0), STROKES);
        MyDigit b = store().keep(4, TEST.intensities(1), STROKES);
        store().relabel(a, 7);
        store().delete(b);

        MyDigitsStore.Loaded loaded = store().load();
        assertEquals(1, loaded.digits().size());
        assertEquals(a.id(), loaded.digits().get(0).id());
        assertEquals(7, loaded.digits().get(0).label());
        assertEquals(STROKES, loaded.digits().get(0).strokes(), "the strokes follow the relabelled digit");
        assertFalse(Files.exists(dir.resolve("my-digits").resolve("strokes_" + b.id() + ".json")));
    }

    @Test
    void idsAreNeverReusedSoAKeptDigitNeverReplacesAnother() {
        MyDigit a = store().keep(1, TEST.intensities(0), List.of());
        MyDigit b = store().keep(1, TEST.intensities(1), List.of());
        store().delete(a);
        MyDigit c = store().keep(1, TEST.intensities(2), List.of());
        assertTrue(Long.parseLong(c.id()) > Long.parseLong(b.id()), c.id() + " after " + b.id());
        assertEquals(2, store().load().digits().size());
    }

    @Test
    void aDamagedFileIsSkippedWithItsNameAndTheRestLoads() throws IOException {
        store().keep(7, TEST.intensities(0), STROKES);
        store().keep(2, TEST.intensities(1), STROKES);
        Path folder = dir.resolve("my-digits");
        Files.write(folder.resolve("digit_3_0099.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(folder.resolve("digit_12_0100.png"), "not even a picture");
        Files.writeString(folder.resolve("strokes_0002.json"), "{ broken");

        MyDigitsStore.Loaded loaded = store().load();

        assertEquals(List.of(7, 2), loaded.digits().stream().map(MyDigit::label).toList());
        assertEquals(3, loaded.skipped().size(), String.join("\n", loaded.skipped()));
        assertTrue(loaded.skipped().stream().anyMatch(s -> s.startsWith("digit_3_0099.png: ")), loaded.skipped().toString());
        assertTrue(loaded.skipped().stream().anyMatch(s -> s.startsWith("digit_12_0100.png: label 12")),
                loaded.skipped().toString());
        assertTrue(loaded.skipped().stream().anyMatch(s -> s.startsWith("strokes_0002.json: damaged")),
                loaded.skipped().toString());
        assertEquals(List.of(), loaded.digits().get(1).strokes(), "the digit is kept without its damaged strokes");
    }

    @Test
    void anExportImportedIntoAnotherLabGivesTheSameDigitsAndALabelsCsv() throws IOException {
        store().keep(7, TEST.intensities(0), STROKES);
        store().keep(2, TEST.intensities(1), List.of());
        store().keep(1, TEST.intensities(2), List.of());
        Path zip = dir.resolve("class.zip");

        assertEquals(3, store().exportZip(zip));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            String csv = new String(file.getInputStream(file.getEntry("labels.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(List.of("file,label", "digit_7_0001.png,7", "digit_2_0002.png,2", "digit_1_0003.png,1"),
                    csv.lines().toList());
        }
        MyDigitsStore other = new MyDigitsStore(dir.resolve("other-lab"));
        other.keep(5, TEST.intensities(3), List.of());
        MyDigitsStore.Loaded imported = other.importZip(zip);

        assertEquals(List.of(), imported.skipped());
        assertEquals(List.of(7, 2, 1), imported.digits().stream().map(MyDigit::label).toList());
        List<MyDigit> all = other.load().digits();
        assertEquals(List.of(5, 7, 2, 1), all.stream().map(MyDigit::label).toList(), "the digit there stays");
        assertEquals(STROKES, all.get(1).strokes());
        assertArrayEquals(store().load().digits().get(0).pixels(), all.get(1).pixels(), 1e-6f);
    }

    @Test
    void anImportTakesLabelsFromTheCsvOrFromFolderNamesAndNamesWhatItSkips() throws IOException {
        Path picture = dir.resolve("picture.png");
        PngPictures.writeDigit(TEST.intensities(0), picture);
        byte[] png = Files.readAllBytes(picture);
        Path zip = dir.resolve("handmade.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            entry(out, "sevens/a.png", png);
            entry(out, "7/b.png", png);
            entry(out, "nolabel.png", png);
            entry(out, "broken.png", new byte[] {1, 2, 3});
            entry(out, "sevens/labels.csv", "file,label\nsevens/a.png,7\nbroken.png,3\n".getBytes(StandardCharsets.UTF_8));
        }
        MyDigitsStore.Loaded imported = store().importZip(zip);

        assertEquals(List.of(7, 7), imported.digits().stream().map(MyDigit::label).toList());
        List<String> skipped = new ArrayList<>(imported.skipped());
        assertEquals(2, skipped.size(), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("nolabel.png: no label")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("broken.png: ")), skipped.toString());
    }

    @Test
    void aFileThatIsNotAZipIsRefusedNamingIt() throws IOException {
        Path notZip = dir.resolve("notes.zip");
        Files.writeString(notZip, "these are my notes, not a zip");
        MyDigitsException e = assertThrows(MyDigitsException.class, () -> store().importZip(notZip));
        assertTrue(e.getMessage().startsWith(notZip.toString()), e.getMessage());
        MyDigitsException missing = assertThrows(MyDigitsException.class,
                () -> store().importZip(dir.resolve("absent.zip")));
        assertTrue(missing.getMessage().endsWith("absent.zip: not found"), missing.getMessage());
    }

    @Test
    void oversamplingMakesTheSetAboutATwentiethOfAnEpoch() {
        assertEquals(0, MyDigitsTraining.copies(0, 60_000));
        assertEquals(300, MyDigitsTraining.copies(10, 60_000), "10 drawings: 3,000 of 63,000 images");
        assertEquals(15, MyDigitsTraining.copies(200, 60_000));
        assertEquals(1, MyDigitsTraining.copies(10_000, 60_000), "a huge pooled set: each at least once");
        assertEquals(500, MyDigitsTraining.copies(1, 60_000), "one drawing: at most 500 times");
        List<MyDigit> mine = List.of(store().keep(7, TEST.intensities(0), List.of()),
                store().keep(2, TEST.intensities(1), List.of()));
        DigitSet set = MyDigitsTraining.oversampled(mine, 6_000);
        assertEquals(300, set.count());
        assertEquals(7, set.label(0));
        assertEquals(2, set.label(299));
        assertArrayEquals(TEST.intensities(1), set.intensities(299), 1e-6f);
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}

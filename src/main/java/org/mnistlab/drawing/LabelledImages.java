package org.mnistlab.drawing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of digit images whose labels are in their names, read into 28×28 inputs: files named
 * {@code digit_7_anything.png} at the top, or laid out as {@code 7/anything.png}. What
 * {@code evaluate --images} reads, and the form the personal set ("My digits") is kept in.
 *
 * <p>One bad file never spoils the rest: a damaged image, a blank one or a label outside 0–9 is
 * skipped, and {@link Folder#skipped()} says which file and why.
 */
public final class LabelledImages {
    /** {@code digit_<label>_<rest>.png}: the label is the digits between the first two underscores. */
    private static final Pattern FLAT = Pattern.compile("digit_(\\d+)_.*\\.png", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_FOLDER = Pattern.compile("\\d+");

    private LabelledImages() {}

    /**
     * One image and its label.
     *
     * @param name the file's path inside the folder, as messages show it ("7/a.png")
     * @param pixels the 28×28 input, ink in [0, 1]
     */
    public record Image(Path file, String name, int label, float[] pixels) {}

    /** What a folder held: the images that could be read, and one line per file that could not. */
    public record Folder(List<Image> images, List<String> skipped) {}

    /**
     * @throws ImageInputException naming the folder when it is missing, not a folder, or holds no
     *     labelled PNG at all
     */
    public static Folder read(Path folder) {
        if (!Files.exists(folder)) throw new ImageInputException(folder + ": not found");
        if (!Files.isDirectory(folder)) throw new ImageInputException(folder + ": is not a folder");
        List<Image> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int unlabelled = 0;
        for (Path file : candidates(folder)) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            OptionalInt label = labelOf(folder.relativize(file));
            if (label.isEmpty()) {
                unlabelled++;
                skipped.add(name + ": no label (name it digit_<label>_….png, or put it in a folder named 0 to 9)");
                continue;
            }
            if (label.getAsInt() > 9) {
                skipped.add(name + ": label " + label.getAsInt() + " is outside 0–9");
                continue;
            }
            try {
                images.add(new Image(file, name, label.getAsInt(), pixelsOf(file)));
            } catch (BlankImageException e) {
                skipped.add(name + ": " + e.getMessage());
            } catch (ImageInputException e) {
                skipped.add(e.getMessage().replace(file.toString(), name));
            }
        }
        if (images.isEmpty() && skipped.size() == unlabelled) {
            throw new ImageInputException(folder + ": holds no labelled PNG (name them digit_7_….png, "
                    + "or put them in folders named 0 to 9)");
        }
        return new Folder(List.copyOf(images), List.copyOf(skipped));
    }

    /**
     * The label a file's place gives it: {@code digit_7_….png}, or a PNG inside a folder named by
     * the label ({@code 7/….png}); empty for a file that is neither.
     *
     * @param relative the path inside the labelled folder
     */
    public static OptionalInt labelOf(Path relative) {
        String fileName = relative.getFileName().toString();
        Matcher flat = FLAT.matcher(fileName);
        if (relative.getNameCount() == 1 && flat.matches()) return parse(flat.group(1));
        if (relative.getNameCount() == 2 && fileName.toLowerCase(Locale.ROOT).endsWith(".png")
                && LABEL_FOLDER.matcher(relative.getName(0).toString()).matches()) {
            return parse(relative.getName(0).toString());
        }
        return OptionalInt.empty();
    }

    /**
     * The 28×28 input of an image file. A 28×28 picture is taken as it is (a digit already made
     * the MNIST way, as the pad and {@code evaluate --mistakes} write them); any other size goes
     * through {@link DigitPreprocessor}, as {@code predict} does.
     */
    public static float[] pixelsOf(Path file) {
        InkImage ink = ImageFiles.read(file);
        if (ink.width() == DigitPreprocessor.SIDE && ink.height() == DigitPreprocessor.SIDE) {
            DigitPreprocessor.toMnist(ink); // refuses a blank one, as for any other size
            return ink.ink().clone();
        }
        return DigitPreprocessor.toMnist(ink);
    }

    private static OptionalInt parse(String digits) {
        // "0000000012" is 12, and a label of more digits than an int holds is just out of range.
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return OptionalInt.of(trimmed.length() > 2 ? 99 : Integer.parseInt(trimmed));
    }

    /** PNGs at the top and one folder down, in name order so every run lists them alike. */
    private static List<Path> candidates(Path folder) {
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImageInputException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}

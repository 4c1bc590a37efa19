package org.mnistlab.mydigits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mnistlab.drawing.ImageInputException;
import org.mnistlab.drawing.LabelledImages;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.drawing.Stroke;
import org.mnistlab.network.SpecJson;
import org.mnistlab.storage.AtomicFile;
import org.mnistlab.storage.UserFolders;

/**
 * The personal set, kept as a plain folder: one 28×28 PNG per drawing, named
 * {@code digit_<label>_<id>.png}, and its strokes beside it in {@code strokes_<id>.json}.
 *
 * <p>Why a folder and not the run store: the label lives in the file name, so the folder is itself
 * a labelled image folder that {@code evaluate --images}, an image viewer or a Python notebook reads
 * as it is, and every change is one atomic step on one file: keeping writes the strokes and then
 * the PNG (each through {@link AtomicFile}; the PNG appearing is what keeps the digit), a new label
 * is one rename, a delete removes the PNG. A kill between two steps leaves at most a strokes file
 * without its PNG, which loading ignores. A set of a few hundred drawings is a few hundred kB.
 *
 * <p>Its methods do file work: call them off the FX thread. They are synchronized, so two
 * background tasks never hand out the same id.
 */
public final class MyDigitsStore {
    /** The set's folder inside the user's data folder. */
    public static final String FOLDER_NAME = "my-digits";
    static final String LABELS_CSV = "labels.csv";
    private static final Pattern PNG_NAME = Pattern.compile("digit_(\\d+)_(\\d+)\\.png");
    private static final Pattern STROKES_NAME = Pattern.compile("strokes_(\\d+)\\.json");
    /** No picture of a digit is larger than this; a bigger zip entry is not ours and is skipped. */
    private static final long MAX_ENTRY_BYTES = 1 << 20;
    private static final int MAX_ENTRIES = 50_000;

    private final Path folder;

    public MyDigitsStore(Path folder) {
        this.folder = folder;
    }

    /** {@code my-digits} in the user's data folder ({@link UserFolders}). */
    public static MyDigitsStore inDataFolder() {
        return new MyDigitsStore(UserFolders.dataFolder().resolve(FOLDER_NAME));
    }

    public Path folder() {
        return folder;
    }

    /** What the folder held: the digits that could be read, oldest first, and one line per file skipped. */
    public record Loaded(List<MyDigit> digits, List<String> skipped) {
        public Loaded {
            digits = List.copyOf(digits);
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads the set; a missing folder is an empty set. A damaged file is skipped and named, the rest loads. */
    public synchronized Loaded load() {
        List<MyDigit> digits = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isDirectory(folder)) return new Loaded(digits, skipped);
        for (Path file : list()) {
            String name = file.getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) continue;
            Matcher m = PNG_NAME.matcher(name);
            if (!m.matches()) {
                skipped.add(name + ": not named digit_<label>_<number>.png, so its label is unknown");
                continue;
            }
            OptionalInt label = LabelledImages.labelOf(Path.of(name));
            if (label.isEmpty() || label.getAsInt() > 9) {
                skipped.add(name + ": label " + m.group(1) + " is outside 0–9");
                continue;
            }
            try {
                float[] pixels = LabelledImages.pixelsOf(file);
                digits.add(new MyDigit(m.group(2), label.getAsInt(), pixels, readStrokes(m.group(2), skipped)));
            } catch (ImageInputException e) {
                skipped.add(e.getMessage().replace(file.toString(), name));
            }
        }
        digits.sort(Comparator.comparingLong(d -> parseId(d.id())));
        return new Loaded(digits, skipped);
    }

    /**
     * Keeps a drawing as a digit of the set.
     *
     * @param pixels the 28×28 input the pad made of it
     * @throws MyDigitsException for a label outside 0–9 or a blank drawing, before anything is written
     */
    public synchronized MyDigit keep(int label, float[] pixels, List<Stroke> strokes) {
        MyDigit.requireLabel(label);
        MyDigit.requireInk(pixels);
        MyDigit digit = new MyDigit(nextId(), label, MyDigit.quantised(pixels), strokes);
        try {
            if (!digit.strokes().isEmpty()) {
                byte[] json = SpecJson.toJson(StrokesFile.of(digit.strokes())).getBytes(StandardCharsets.UTF_8);
                AtomicFile.DISK.writeStream(strokesFile(digit.id()), out -> out.write(json));
            }
            AtomicFile.write(pngFile(digit), temp -> PngPictures.writeDigit(digit.pixels(), temp));
        } catch (IOException e) {
            throw new MyDigitsException("Could not keep the drawing in " + folder + ": " + e.getMessage(), e);
        }
        return digit;
    }

    /** Gives a kept digit another label: one rename of its PNG. */
    public synchronized MyDigit relabel(MyDigit digit, int label) {
        MyDigit.requireLabel(label);
        MyDigit renamed = digit.withLabel(label);
        if (label == digit.label()) return renamed;
        try {
            try {
                Files.move(pngFile(digit), pngFile(renamed), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(pngFile(digit), pngFile(renamed));
            }
        } catch (NoSuchFileException e) {
            throw new MyDigitsException(pngFile(digit).getFileName() + ": is no longer in " + folder, e);
        } catch (IOException e) {
            throw new MyDigitsException("Could not relabel " + pngFile(digit).getFileName() + ": " + e.getMessage(), e);
        }
        return renamed;
    }

    /** Removes a kept digit: its PNG, then its strokes. A digit already gone is no error. */
    public synchronized void delete(MyDigit digit) {
        try {
            Files.deleteIfExists(pngFile(digit));
            Files.deleteIfExists(strokesFile(digit.id()));
        } catch (IOException e) {
            throw new MyDigitsException("Could not delete " + pngFile(digit).getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the set as one zip (atomically): every PNG under its name, the strokes files, and
     * {@code labels.csv} ({@code file,label}) for tools that do not read labels from names.
     *
     * @return how many digits it holds
     */
    public synchronized int exportZip(Path zip) {
        List<MyDigit> digits = load().digits();
        try {
            AtomicFile.DISK.writeStream(zip, out -> {
                try (ZipOutputStream entries = new ZipOutputStream(nonClosing(out))) {
                    StringBuilder csv = new StringBuilder("file,label\n");
                    for (MyDigit digit : digits) {
                        Path png = pngFile(digit);
                        add(entries, png.getFileName().toString(), Files.readAllBytes(png));
                        Path strokes = strokesFile(digit.id());
                        if (Files.isRegularFile(strokes)) {
                            add(entries, strokes.getFileName().toString(), Files.readAllBytes(strokes));
                        }
                        csv.append(png.getFileName()).append(',').append(digit.label()).append('\n');
                    }
                    add(entries, LABELS_CSV, csv.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new MyDigitsException(zip + ": could not be written (" + e.getMessage() + ")", e);
        }
        return digits.size();
    }

    /**
     * Adds the digits of a zip (this lab's export, or any zip of labelled PNGs: labels from
     * {@code labels.csv}, else from {@code digit_7_….png} or {@code 7/….png} names). Each gets a
     * new id, so pooling a class's sets never overwrites a drawing. The zip is only read.
     *
     * @return the digits added, and one line per entry skipped
     * @throws MyDigitsException when the file is missing or not a zip
     */
    public synchronized Loaded importZip(Path zip) {
        Map<String, byte[]> pngs = new java.util.LinkedHashMap<>();
        Map<String, byte[]> strokes = new HashMap<>();
        Map<String, Integer> csvLabels = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        readZip(zip, pngs, strokes, csvLabels, skipped);
        List<MyDigit> added = new ArrayList<>();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("mnistlab-import");
            for (Map.Entry<String, byte[]> entry : pngs.entrySet()) {
                String name = entry.getKey();
                String fileName = Path.of(name).getFileName().toString();
                Integer label = csvLabels.containsKey(name) ? csvLabels.get(name) : csvLabels.get(fileName);
                if (label == null) {
                    OptionalInt fromName = LabelledImages.labelOf(Path.of(name));
                    if (fromName.isPresent()) label = fromName.getAsInt();
                }
                if (label == null) {
                    skipped.add(name + ": no label (not in labels.csv, not named digit_<label>_….png)");
                    continue;
                }
                if (label < 0 || label > 9) {
                    skipped.add(name + ": label " + label + " is outside 0–9");
                    continue;
                }
                Path temp = scratch.resolve("entry.png");
                Files.write(temp, entry.getValue());
                try {
                    float[] pixels = LabelledImages.pixelsOf(temp);
                    added.add(keep(label, pixels, strokesFor(fileName, strokes)));
                } catch (ImageInputException e) {
                    skipped.add(e.getMessage().replace(temp.toString(), name));
                }
            }
        } catch (IOException e) {
            throw new MyDigitsException("Could not import " + zip + ": " + e.getMessage(), e);
        } finally {
            if (scratch != null) deleteQuietly(scratch);
        }
        return new Loaded(added, skipped);
    }

    private static void readZip(Path zip, Map<String, byte[]> pngs, Map<String, byte[]> strokes,
            Map<String, Integer> csvLabels, List<String> skipped) {
        if (!Files.isRegularFile(zip)) {
            throw new MyDigitsException(zip + ": " + (Files.exists(zip) ? "is not a regular file" : "not found"));
        }
        int entries = 0;
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) continue;
                if (++entries > MAX_ENTRIES) {
                    skipped.add("entries after the first " + MAX_ENTRIES + ": not read");
                    break;
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                boolean png = lower.endsWith(".png");
                boolean csv = Path.of(name).getFileName().toString().equals(LABELS_CSV);
                boolean json = STROKES_NAME.matcher(Path.of(name).getFileName().toString()).matches();
                if (!png && !csv && !json) continue;
                byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
                if (bytes.length > MAX_ENTRY_BYTES) {
                    skipped.add(name + ": over " + MAX_ENTRY_BYTES / 1024 + " kB, too large for a digit");
                    continue;
                }
                if (png) pngs.put(name, bytes);
                else if (json) strokes.put(Path.of(name).getFileName().toString(), bytes);
                else parseCsv(name, new String(bytes, StandardCharsets.UTF_8), csvLabels, skipped);
            }
        } catch (ZipException e) {
            throw new MyDigitsException(zip + ": is not a zip file MNIST Lab can read (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MyDigitsException(zip + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (entries == 0) throw new MyDigitsException(zip + ": is not a zip file, or an empty one");
    }

    /** {@code file,label} lines; a header line and blank lines are passed over. */
    private static void parseCsv(String name, String text, Map<String, Integer> labels, List<String> skipped) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("file"))) continue;
            int comma = line.lastIndexOf(',');
            String file = comma < 0 ? "" : line.substring(0, comma).strip();
            String label = comma < 0 ? "" : line.substring(comma + 1).strip();
            if (file.startsWith("\"") && file.endsWith("\"") && file.length() >= 2) {
                file = file.substring(1, file.length() - 1);
            }
            try {
                labels.put(file, Integer.parseInt(label));
            } catch (NumberFormatException e) {
                skipped.add(name + " line " + (i + 1) + ": '" + line + "' is not file,label");
            }
        }
    }

    private List<Stroke> strokesFor(String pngName, Map<String, byte[]> strokes) {
        Matcher m = PNG_NAME.matcher(pngName);
        if (!m.matches()) return List.of();
        byte[] json = strokes.get("strokes_" + m.group(2) + ".json");
        if (json == null) return List.of();
        try {
            return SpecJson.fromJson(new String(json, StandardCharsets.UTF_8), StrokesFile.class).strokes();
        } catch (RuntimeException damaged) {
            return List.of(); // the picture is what counts; its strokes are a bonus
        }
    }

    /** The strokes of digit {@code id}; none when it has no strokes file, a notice when that file is damaged. */
    private List<Stroke> readStrokes(String id, List<String> skipped) {
        Path file = strokesFile(id);
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return SpecJson.fromJson(Files.readString(file), StrokesFile.class).strokes();
        } catch (IOException | RuntimeException e) {
            skipped.add(file.getFileName() + ": damaged, so digit " + id + " is kept without its strokes");
            return List.of();
        }
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MyDigitsException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** One more than the largest number in use, by a PNG or a strokes file left from a killed save. */
    private String nextId() {
        long max = 0;
        if (Files.isDirectory(folder)) {
            for (Path file : list()) {
                String name = file.getFileName().toString();
                Matcher png = PNG_NAME.matcher(name);
                Matcher strokes = STROKES_NAME.matcher(name);
                if (png.matches()) max = Math.max(max, parseId(png.group(2)));
                else if (strokes.matches()) max = Math.max(max, parseId(strokes.group(1)));
            }
        }
        return String.format(Locale.ROOT, "%04d", max + 1);
    }

    private static long parseId(String digits) {
        return digits.length() > 15 ? 0 : Long.parseLong(digits);
    }

    private Path pngFile(MyDigit digit) {
        return folder.resolve("digit_" + digit.label() + "_" + digit.id() + ".png");
    }

    private Path strokesFile(String id) {
        return folder.resolve("strokes_" + id + ".json");
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** AtomicFile flushes and closes its own stream after the zip's end is written. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void deleteQuietly(Path scratch) {
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A temporary folder; the system clears it in time.
        }
    }
}

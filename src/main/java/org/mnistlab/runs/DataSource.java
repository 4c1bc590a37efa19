package org.mnistlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mnistlab.data.DataFileException;
import org.mnistlab.data.MnistLoader;

/**
 * Which images a run learned from, so a result can be traced to its data: the bundled MNIST or a
 * folder, with the SHA-256 of each of the four files, and how many images were used.
 *
 * @param folder null for the bundled copy
 * @param sha256 file name → checksum, in the order train images, train labels, test images, test labels
 */
public record DataSource(String folder, int trainImages, int testImages, Map<String, String> sha256) {
    private static Map<String, String> bundledChecksums;

    public DataSource {
        sha256 = sha256 == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    public boolean bundled() {
        return folder == null;
    }

    /** "bundled MNIST, 60,000 + 10,000 images" or "/data/mnist, 1,000 + 200 images". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s, %,d training + %,d test images",
                bundled() ? "bundled MNIST" : folder, trainImages, testImages);
    }

    /** The bundled copy; its checksums are computed once per process (about 11 MB to read). */
    public static DataSource bundled(int trainImages, int testImages) {
        return new DataSource(null, trainImages, testImages, bundledChecksums());
    }

    /** A folder of IDX files, as {@link MnistLoader#loadFolder} reads them. */
    public static DataSource folder(Path folder, int trainImages, int testImages) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path file : MnistLoader.folderFiles(folder)) {
            try (InputStream in = Files.newInputStream(file)) {
                sums.put(file.getFileName().toString(), sha256(in));
            } catch (IOException e) {
                throw new DataFileException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return new DataSource(folder.toAbsolutePath().toString(), trainImages, testImages, sums);
    }

    /** {@code folder == null} means the bundled copy, as in {@link MnistLoader#load}. */
    public static DataSource of(Path folder, int trainImages, int testImages) {
        return folder == null ? bundled(trainImages, testImages) : folder(folder, trainImages, testImages);
    }

    private static synchronized Map<String, String> bundledChecksums() {
        if (bundledChecksums == null) {
            Map<String, String> sums = new LinkedHashMap<>();
            for (String resource : MnistLoader.bundledResources()) {
                try (InputStream in = DataSource.class.getResourceAsStream(resource)) {
                    if (in == null) continue; // MnistLoader reports a missing resource when it loads
                    sums.put(resource.substring(resource.lastIndexOf('/') + 1), sha256(in));
                } catch (IOException e) {
                    throw new DataFileException(resource, "cannot be read (" + e.getMessage() + ")", e);
                }
            }
            bundledChecksums = sums;
        }
        return bundledChecksums;
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

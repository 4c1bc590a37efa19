package org.mnistlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.mnistlab.data.MnistData;
import org.mnistlab.data.MnistLoader;

/** Shared test data: the bundled MNIST (loaded once per JVM) and tiny IDX files made on the spot. */
public final class TestData {
    private static MnistData mnist;

    private TestData() {}

    public static synchronized MnistData mnist() {
        if (mnist == null) mnist = MnistLoader.loadBundled();
        return mnist;
    }

    /** An IDX image file: header (magic, count, rows, cols) then {@code pixelBytes} bytes. */
    public static byte[] idxImages(int magic, int count, int rows, int cols, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < pixelBytes; i++) b.put((byte) (i * 31));
        return b.array();
    }

    public static byte[] idxLabels(int magic, int count, int labelBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + labelBytes);
        b.putInt(magic).putInt(count);
        for (int i = 0; i < labelBytes; i++) b.put((byte) (i % 10));
        return b.array();
    }

    public static byte[] gzip(byte[] raw) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
            gz.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A folder with a valid tiny MNIST: {@code train} and {@code test} images of 28×28. */
    public static Path tinyMnistFolder(Path dir, int train, int test) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idxImages(2051, train, 28, 28, train * 784));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(2049, train, train)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(2051, test, 28, 28, test * 784)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(2049, test, test));
        return dir;
    }

    /** A named pipe at {@code path}, as {@code mkfifo} makes: reading it waits for a writer that never comes. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        int code = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
        if (code != 0) throw new IOException("mkfifo " + path + " exited " + code);
        return path;
    }
}

package org.mnistlab.ui;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks the X server whether a window still exists, speaking just enough of the X11 protocol
 * (connection setup and GetWindowAttributes) over the display's socket.
 *
 * <p>Why: when something outside destroys the lab's X window ({@code xdotool windowclose}, a
 * crashed window manager's clean-up), GTK and JavaFX 21 notice nothing; the stage stays
 * "showing" and the JVM runs on with no window. Only the X server knows.
 *
 * <p>Every answer it cannot be sure of is null ("unknown"), never "gone": the lab must not close
 * itself because, say, the X authority file could not be read.
 */
final class X11Windows implements AutoCloseable {
    private static final int GET_WINDOW_ATTRIBUTES = 3;
    private static final int BAD_WINDOW = 3;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private X11Windows(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /** A connection to {@code display} (":0", ":47.0", "localhost:10.0"), or null when none can be made. */
    static X11Windows connect(String display) {
        if (display == null || !display.contains(":")) return null;
        try {
            String host = display.substring(0, display.lastIndexOf(':'));
            String number = display.substring(display.lastIndexOf(':') + 1).split("\\.")[0];
            int n = Integer.parseInt(number);
            SocketChannel channel;
            if (host.isEmpty() || host.equals("unix")) {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of("/tmp/.X11-unix/X" + n));
            } else {
                channel = SocketChannel.open(new InetSocketAddress(host, 6000 + n));
            }
            X11Windows x = new X11Windows(channel);
            if (x.setUp(number)) return x;
            x.close();
        } catch (IOException | RuntimeException e) {
            // No X server to ask: unknown.
        }
        return null;
    }

    private boolean setUp(String displayNumber) throws IOException {
        byte[][] cookie = cookie(displayNumber);
        byte[] name = cookie == null ? new byte[0] : cookie[0];
        byte[] data = cookie == null ? new byte[0] : cookie[1];
        ByteBuffer request = ByteBuffer.allocate(12 + pad(name.length) + pad(data.length)).order(ByteOrder.LITTLE_ENDIAN);
        request.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0)
                .putShort((short) name.length).putShort((short) data.length).putShort((short) 0);
        request.put(name).position(12 + pad(name.length)).put(data);
        out.write(request.array());
        out.flush();
        DataInputStream reply = new DataInputStream(in);
        byte[] header = new byte[8];
        reply.readFully(header);
        int more = ByteBuffer.wrap(header, 6, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        reply.skipNBytes(4L * more);
        return header[0] == 1;
    }

    /** True if the window exists, false if the server says there is no such window, null if unsure. */
    Boolean exists(long window) {
        try {
            ByteBuffer request = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            request.put((byte) GET_WINDOW_ATTRIBUTES).put((byte) 0).putShort((short) 2).putInt((int) window);
            out.write(request.array());
            out.flush();
            DataInputStream reply = new DataInputStream(in);
            byte[] answer = new byte[32];
            reply.readFully(answer);
            if (answer[0] == 1) {
                reply.skipNBytes(4L * ByteBuffer.wrap(answer, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                return true;
            }
            return answer[0] == 0 && answer[1] == BAD_WINDOW ? false : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The MIT-MAGIC-COOKIE-1 for this display from the X authority file: {name, data}, or null. */
    private static byte[][] cookie(String displayNumber) {
        String file = System.getenv("XAUTHORITY");
        Path path = file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".Xauthority");
        try {
            ByteBuffer entries = ByteBuffer.wrap(Files.readAllBytes(path)); // big-endian records
            while (entries.remaining() > 2) {
                entries.getShort(); // family
                field(entries); // address
                String number = new String(field(entries), StandardCharsets.US_ASCII);
                byte[] name = field(entries);
                byte[] data = field(entries);
                if ((number.isEmpty() || number.equals(displayNumber))
                        && new String(name, StandardCharsets.US_ASCII).equals("MIT-MAGIC-COOKIE-1")) {
                    return new byte[][] {name, data};
                }
            }
        } catch (IOException | RuntimeException e) {
            // No file, or one we cannot read: try without, as Xvfb and many local servers allow.
        }
        return null;
    }

    private static byte[] field(ByteBuffer entries) {
        byte[] bytes = new byte[entries.getShort() & 0xFFFF];
        entries.get(bytes);
        return bytes;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket to a server that is gone.
        }
    }
}

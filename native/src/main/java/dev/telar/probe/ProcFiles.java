package dev.telar.probe;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads small files under a proc root into one reused buffer. Not thread-safe: one instance per
 * sampling thread. The root is configurable so tests can point it at fixture trees.
 */
final class ProcFiles {
    private final String root;
    private byte[] buffer = new byte[8192];
    private int length;

    ProcFiles(Path root) {
        this.root = root.toString();
    }

    String root() {
        return root;
    }

    /**
     * Reads {@code root/relative} into the buffer.
     *
     * @return true if read; false if the file vanished (a process that exited) or is unreadable
     */
    boolean read(String relative) {
        length = 0;
        try (FileInputStream in = new FileInputStream(root + "/" + relative)) {
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length) {
                    byte[] bigger = new byte[buffer.length * 2];
                    System.arraycopy(buffer, 0, bigger, 0, length);
                    buffer = bigger;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** Reads a file as text, or returns {@code ""} when it cannot be read. */
    String text(String relative) {
        return read(relative) ? new String(buffer, 0, length, StandardCharsets.UTF_8) : "";
    }
}

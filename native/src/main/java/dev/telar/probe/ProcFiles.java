package dev.telar.probe;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads small files under a proc root into one reused buffer. Not thread-safe: one instance per
 * sampling thread. The root is configurable so tests can point it at fixture trees.
 */
final class ProcFiles {
    private final String root;
    /** Most files kept open between samples; beyond it files are opened and closed each time. */
    static final int MAX_OPEN = 512;
    private byte[] buffer = new byte[8192];
    private int length;
    private final Map<String, RandomAccessFile> open = new HashMap<>();
    private final java.util.Set<String> usedThisRound = new java.util.HashSet<>();

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
        try (FileInputStream in = new FileInputStream(root + "/" + relative)) {
            fill(in::read);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Something that reads into part of an array, like {@code InputStream.read(byte[], int, int)}. */
    private interface Source {
        int read(byte[] into, int offset, int count) throws IOException;
    }

    /** Reads {@code source} to its end into the buffer, growing it as needed. */
    private void fill(Source source) throws IOException {
        length = 0;
        int n;
        while ((n = source.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
            if (length == buffer.length) {
                byte[] bigger = new byte[buffer.length * 2];
                System.arraycopy(buffer, 0, bigger, 0, length);
                buffer = bigger;
            }
        }
    }

    /**
     * Reads a file that is read again every sample (a process's {@code stat}) through a descriptor
     * kept open: procfs regenerates the text on each read from offset 0, so a sample costs one
     * seek and one read instead of an open (with its path walk), a read and a close. A descriptor
     * whose process has exited fails to read and is dropped.
     *
     * @return true if read; false if the file is gone
     */
    boolean readKeepingOpen(String relative) {
        usedThisRound.add(relative);
        RandomAccessFile file = open.get(relative);
        if (file == null) {
            if (open.size() >= MAX_OPEN) {
                return read(relative);
            }
            try {
                file = new RandomAccessFile(root + "/" + relative, "r");
            } catch (IOException e) {
                return false;
            }
            open.put(relative, file);
        }
        try {
            file.seek(0);
            fill(file::read);
            return length > 0;
        } catch (IOException e) {
            close(relative);
            return false;
        }
    }

    /** Closes the kept-open files not read since the last call (their processes are gone). */
    void closeUnused() {
        for (Iterator<Map.Entry<String, RandomAccessFile>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, RandomAccessFile> e = it.next();
            if (!usedThisRound.contains(e.getKey())) {
                quietClose(e.getValue());
                it.remove();
            }
        }
        usedThisRound.clear();
    }

    /** Number of files kept open. */
    int openCount() {
        return open.size();
    }

    private void close(String relative) {
        RandomAccessFile f = open.remove(relative);
        if (f != null) {
            quietClose(f);
        }
    }

    private static void quietClose(RandomAccessFile f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // nothing to do about a descriptor that will not close
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

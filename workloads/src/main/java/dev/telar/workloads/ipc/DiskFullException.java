package dev.telar.workloads.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The file system that holds exchange files has no room for what was about to be written. Its
 * message is one line that starts with {@code "disk full: "} and names the place, the free space
 * and what was needed.
 */
public final class DiskFullException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** The words every disk-full message starts with. */
    public static final String PREFIX = "disk full: ";

    public DiskFullException(String detail) {
        super(PREFIX + detail, new IOException("No space left on device"));
    }
}

package dev.telar.workloads.ipc;

import java.nio.file.Path;

/**
 * Telar's own directory for run files exists but cannot be trusted (a symlink, another user's, open
 * to group or others, not a directory), or cannot be made. The message is one line that names the
 * path, what is wrong and the fix; the CLI prints it after {@code telar: } and exits non-zero.
 */
public final class UnsafePlaceException extends RuntimeException {
    /** What the message tells the user to do. */
    static final String FIX = "remove it or set ipc.dir / XDG_RUNTIME_DIR";

    private final Path place;

    UnsafePlaceException(Path place, String problem) {
        super(place + " " + problem + "; " + FIX);
        this.place = place;
    }

    UnsafePlaceException(Path place, String problem, Throwable cause) {
        super(place + " " + problem + "; " + FIX, cause);
        this.place = place;
    }

    /** The directory that was refused. */
    public Path place() {
        return place;
    }
}

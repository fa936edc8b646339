package dev.telar.workloads.mechanism;

import java.nio.file.Path;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The lecture's Pipe between two processes: two ends, A and B, each able to send and receive. It
 * lives in a directory that both processes open by path: one {@link Lane} (a Chronicle Queue plus
 * a shared control file) carries A to B, another B to A.
 *
 * <p>Guarantees: each direction delivers every message exactly once, in the order sent, to the
 * single reading end; a message sent is readable by the other end even if the sender is killed
 * right after {@code send} returns. A sender blocks while the other end lags by
 * {@link ExchangeLimits#capacity()} unread messages (a full pipe buffer) or the directory is at
 * its disk cap; {@link PipeEnd#trySend} reports that instead of blocking. On each end, sends come from one
 * thread at a time and receives from one thread at a time (they may be two threads).
 */
public final class Pipe {
    /** Which end. */
    public enum Side {
        A, B;

        Side other() {
            return this == A ? B : A;
        }
    }

    private Pipe() {
    }

    /** Creates the pipe's files in {@code dir} (which is created if needed). */
    public static void create(Path dir, ExchangeLimits limits) {
        create(dir, limits, SystemTimeProvider.INSTANCE);
    }

    static void create(Path dir, ExchangeLimits limits, TimeProvider time) {
        Lane.create(lane(dir, Side.A), limits, time).close();
        Lane.create(lane(dir, Side.B), limits, time).close();
    }

    /** Opens end {@code side} of the pipe in {@code dir} (made by {@link #create}). */
    public static PipeEnd open(Path dir, Side side) {
        return open(dir, side, SystemTimeProvider.INSTANCE);
    }

    static PipeEnd open(Path dir, Side side, TimeProvider time) {
        Lane out = Lane.open(lane(dir, side), time);
        Lane in = null;
        try {
            in = Lane.open(lane(dir, side.other()), time);
            return new PipeEnd(dir, side, out, in);
        } catch (RuntimeException e) {
            // e.g. a full disk: unmap what was opened, so that deleting the files frees their space
            out.close();
            if (in != null) {
                in.close();
            }
            throw e;
        }
    }

    /** The lane that carries what {@code from} sends. */
    static Path lane(Path dir, Side from) {
        return dir.resolve(from == Side.A ? "a-to-b" : "b-to-a");
    }
}

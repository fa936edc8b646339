package dev.telar.workloads.exchange;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One end of a {@link Pipe}: sends to and receives from the other end. Sending and receiving are
 * independent: one thread may send while another receives, but each of the two by one thread at
 * a time. Closing it ends the stream it sends (the other end gets {@link ExchangeClosedException}
 * after reading what was sent) and releases its files.
 */
public final class PipeEnd implements AutoCloseable {
    private final Path dir;
    private final Pipe.Side side;
    private final Lane outLane;
    private final Lane inLane;
    private final LaneWriter out;
    private final LaneReader in;
    private final MappedRegion inControl;
    private final Backoff backoff = Backoff.patient();
    private long next;
    private boolean closed;

    PipeEnd(Path dir, Pipe.Side side, Lane outLane, Lane inLane) {
        this.dir = dir;
        this.side = side;
        this.outLane = outLane;
        this.inLane = inLane;
        this.inControl = inLane.control();
        this.out = new LaneWriter(outLane, dir, outLane::taken);
        try {
            this.in = new LaneReader(inLane, inLane::taken);
        } catch (RuntimeException e) {
            out.release(); // e.g. a full disk: unmap what was opened, so its space can be freed
            throw e;
        }
        this.next = inLane.taken();
    }

    /** Which end this is. */
    public Pipe.Side side() {
        return side;
    }

    /** Sends one message; blocks while the other end lags by the capacity or the disk is full. */
    public void send(long key, double value) {
        out.offer(key, value, true);
    }

    /** Sends one message if that needs no wait; false reports back-pressure (nothing was sent). */
    public boolean trySend(long key, double value) {
        return out.offer(key, value, false);
    }

    /**
     * Receives the next message, waiting for it.
     *
     * @throws ExchangeClosedException when the other end closed and everything was received
     */
    public Message recv() {
        return recv(null);
    }

    /**
     * Receives the next message, waiting at most {@code timeout}.
     *
     * @return the message, or null when none came in time
     * @throws ExchangeClosedException when the other end closed and everything was received
     */
    public Message recv(Duration timeout) {
        Message m = poll(); // the usual case, without building the waiting loop's callbacks
        if (m != null) {
            return m;
        }
        return backoff.receive(this::poll, this::finished,
                () -> "the other end of " + dir.getFileName() + " closed the pipe", timeout);
    }

    /** The next message if one is there now, else null (never waits). */
    public Message poll() {
        if (!in.fetch(next)) {
            return null;
        }
        next++;
        inControl.putOrdered(Lane.TAKEN, next);
        return new Message(in.key, in.value);
    }

    /** True when the other end closed and everything it sent was received. */
    public boolean finished() {
        return inLane.closed() && next >= inLane.written();
    }

    /** Messages this end sent. */
    public long sent() {
        return out.written();
    }

    /** Messages the other end has sent so far (received or not). */
    public long peerSent() {
        return inLane.written();
    }

    /** Messages this end received. */
    public long received() {
        return next;
    }

    /** Messages this end sent that the other end has not received yet. */
    public long backlog() {
        return out.written() - outLane.taken();
    }

    /** Ends the stream this end sends and releases the files. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            out.close();
            in.close();
            outLane.close();
            inLane.close();
        }
    }
}

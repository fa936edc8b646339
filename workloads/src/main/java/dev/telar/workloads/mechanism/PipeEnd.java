package dev.telar.workloads.mechanism;

import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.words.ProcessWord;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One end of a {@link Pipe}: sends to and receives from the other end. Sending and receiving are
 * independent: one thread may send while another receives, but each of the two by one thread at
 * a time. Closing it ends the stream it sends (the other end gets {@link ExchangeClosedException}
 * after reading what was sent) and releases its files.
 *
 * <p>A dead peer never leaves this end waiting: when the process holding the other end dies
 * without closing it (kill -9), {@link #recv} returns what that process sent and then throws
 * {@link ExchangePeerDiedException} with its pid, and a {@link #send} blocked because the other
 * end lagged by the capacity throws it too (or {@link ExchangeClosedException} when the other end
 * was closed). Either notices within {@link DeathCheck#PERIOD_NANOS} plus a read of /proc. A
 * process that dies before it opened its end is unknown to the pipe: whoever started it must
 * notice (the exchange experiment's parent watches its children).
 */
public final class PipeEnd implements AutoCloseable {
    private final Path dir;
    private final Pipe.Side side;
    private final Lane outLane;
    private final Lane inLane;
    private final LaneWriter out;
    private final LaneReader in;
    private final Backoff backoff = Backoff.patient();
    private final DeathCheck writerCheck = new DeathCheck();
    private long next;
    private boolean closed;

    PipeEnd(Path dir, Pipe.Side side, Lane outLane, Lane inLane) {
        this.dir = dir;
        this.side = side;
        this.outLane = outLane;
        this.inLane = inLane;
        this.out = new LaneWriter(outLane, dir, outLane::taken, this::readerGone);
        try {
            this.in = new LaneReader(inLane, inLane::taken);
        } catch (RuntimeException e) {
            out.release(); // e.g. a full disk: unmap what was opened, so its space can be freed
            throw e;
        }
        this.next = inLane.taken();
        inLane.reader(ProcessWord.self());
    }

    /** Which end this is. */
    public Pipe.Side side() {
        return side;
    }

    /**
     * Sends one message; blocks while the other end lags by the capacity or the disk is full.
     *
     * @throws ExchangePeerDiedException when the other end's process died while this one waited
     * @throws ExchangeClosedException   when the other end was closed while this one waited
     */
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
     * @throws ExchangeClosedException   when the other end closed and everything was received
     * @throws ExchangePeerDiedException when the other end's process died and everything it sent
     *                                   was received
     */
    public Packet recv() {
        return recv(null);
    }

    /**
     * Receives the next message, waiting at most {@code timeout}.
     *
     * @return the message, or null when none came in time
     * @throws ExchangeClosedException when the other end closed and everything was received
     */
    public Packet recv(Duration timeout) {
        Packet m = poll(); // the usual case, without building the waiting loop's callbacks
        if (m != null) {
            return m;
        }
        return ReceiveLoop.receive(backoff, this::poll, this::ended, timeout);
    }

    /** Why nothing more can arrive, or null while something may. */
    private ExchangeClosedException ended() {
        if (finished()) {
            return new ExchangeClosedException("the other end of " + dir.getFileName() + " closed the pipe");
        }
        if (writerCheck.due()) {
            long writer = inLane.writer();
            // Dead first, then the count: a dead writer adds nothing after it, so the count is final.
            if (writer != 0 && !ProcessWord.alive(writer) && next >= inLane.written()) {
                return new ExchangePeerDiedException("the process at the other end of " + dir.getFileName()
                        + " (pid " + ProcessWord.pid(writer) + ") died; the " + next
                        + " messages it sent were all received", ProcessWord.pid(writer));
            }
        }
        return null;
    }

    /** Why nobody will make room for a waiting {@link #send}, or null while the other end may. */
    private ExchangeClosedException readerGone() {
        long reader = outLane.reader();
        if (reader == Lane.READER_CLOSED) {
            return new ExchangeClosedException("the other end of " + dir.getFileName() + " closed the pipe; "
                    + backlog() + " messages sent were not received");
        }
        if (reader != 0 && !ProcessWord.alive(reader)) {
            return new ExchangePeerDiedException("the process at the other end of " + dir.getFileName() + " (pid "
                    + ProcessWord.pid(reader) + ") died; it received " + outLane.taken() + " of the "
                    + out.written() + " messages sent", ProcessWord.pid(reader));
        }
        return null;
    }

    /** The next message if one is there now, else null (never waits). */
    public Packet poll() {
        if (!in.fetch(next)) {
            return null;
        }
        next++;
        inLane.taken(next);
        return new Packet(in.key, in.value);
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
            inLane.reader(Lane.READER_CLOSED); // a sender waiting for room stops waiting
            in.close();
            outLane.close();
            inLane.close();
        }
    }
}

package dev.telar.workloads.remote.sync;

import dev.telar.workloads.sync.BarrierBrokenException;
import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.Waits;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Barrier, cyclic as Python's. Its whole state is one node, {@code NAME/state}: the
 * generation, how many arrived in it, whether it is broken and why, the rounds completed, and the
 * outcome (opened or reset) of the last 64 generations. Every change is a conditional write on that
 * node's version, so arrivals, the opening, breaking and resetting are atomic across machines.
 *
 * <ul>
 *   <li>An arrival adds itself to {@code arrived}; unless it is the last, it makes an ephemeral
 *       sequential node {@code NAME/parties/gG-...} carrying who it is, and watches the state and
 *       that folder.</li>
 *   <li>The last arrival first marks the generation full, runs the action (in its own JVM), then
 *       opens: generation + 1, arrived 0. A failing action breaks the barrier instead.</li>
 *   <li>A waiter that sees the generation move on reads the outcome of its own generation:
 *       opened, it goes on; reset, it gets {@link BarrierBrokenException}.</li>
 *   <li>A timeout, an interrupt or {@link #abort()} breaks the generation (with its reason); every
 *       waiter and every later arrival gets {@link BarrierBrokenException} until {@link #reset()}.</li>
 *   <li><b>A party whose session dies breaks it.</b> A waiter's node goes with its session; a
 *       waiter that sees a node of its own generation vanish while the generation is still open
 *       (a normal leave happens only after it moved on) breaks the barrier. So a dead party is
 *       noticed its session timeout after its last word, when at least one other party waits.</li>
 * </ul>
 * Thread-safe.
 */
final class RemoteBarrier extends RemotePrimitive<BarrierState> implements SyncBarrier {
    private static final int HISTORY = Long.SIZE;
    private final int parties;
    private final Runnable action;
    private final long defaultTimeout;
    private final String state;
    private final String folder;

    /** One version of the state node. */
    private record Record(long generation, int arrived, boolean broken, String why, long rounds, long outcomes) {
        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(generation);
                out.writeInt(arrived);
                out.writeBoolean(broken);
                out.writeUTF(why);
                out.writeLong(rounds);
                out.writeLong(outcomes);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return bytes.toByteArray();
        }

        static Record decode(byte[] data, String path) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                return new Record(in.readLong(), in.readInt(), in.readBoolean(), in.readUTF(), in.readLong(), in.readLong());
            } catch (IOException e) {
                throw new IllegalStateException(path + " is not a barrier state Telar wrote", e);
            }
        }

        /** The next generation, after generation {@code generation} opened (true) or was reset. */
        Record next(boolean opened) {
            return new Record(generation + 1, 0, false, "", rounds + (opened ? 1 : 0), outcomes << 1 | (opened ? 1 : 0));
        }

        Record broken(String reason) {
            return new Record(generation, 0, true, reason, rounds, outcomes);
        }

        /** Whether generation {@code g}, which has ended, opened; one more than {@value #HISTORY} back counts as opened. */
        boolean opened(long g) {
            long back = generation - 1 - g;
            return back >= HISTORY || (outcomes >>> back & 1) == 1;
        }
    }

    RemoteBarrier(Space space, String name, int parties, Runnable action, Duration timeout) {
        super(space, name);
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = Waits.nanosOrNone(timeout);
        this.state = path + "/state";
        this.folder = path + "/parties";
    }

    /** The nodes a new barrier starts with: generation 0, whole and empty. */
    static Map<String, byte[]> initialNodes() {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("state", new Record(0, 0, false, "", 0, 0).encode());
        nodes.put("parties", new byte[0]);
        return nodes;
    }

    @Override
    String kind() {
        return "Barrier";
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int await() throws InterruptedException {
        return awaitWithin(defaultTimeout);
    }

    @Override
    public int await(Duration timeout) throws InterruptedException {
        return awaitWithin(Waits.nanos(timeout));
    }

    private Record read(Stat st, Wake wake) throws Exception {
        byte[] data = wake == null ? space.curator.getData().storingStatIn(st).forPath(state)
                : space.curator.getData().storingStatIn(st).usingWatcher(wake).forPath(state);
        return Record.decode(data, state);
    }

    private int awaitWithin(long nanos) throws InterruptedException {
        ensureOpen();
        long deadline = Waits.deadline(nanos);
        Wake wake = new Wake();
        while (true) {
            Stat st = new Stat();
            Record r = space.blocking(what("read"), () -> read(st, wake));
            if (r.broken()) {
                throw broken(r.why());
            }
            if (r.arrived() >= parties) {
                // the last arrival is running the action: this party belongs to the next generation
                if (!wake.await(deadline)) {
                    breakIt(r.generation(), "timed out");
                }
                continue;
            }
            Record in = new Record(r.generation(), r.arrived() + 1, false, "", r.rounds(), r.outcomes());
            if (!space.blocking(what("arrive"), () -> space.writeIf(state, st.getVersion(), in.encode()))) {
                continue; // another party changed the state first
            }
            int index = r.arrived();
            if (index == parties - 1) {
                return open(r.generation(), index);
            }
            return waitOpen(r.generation(), index, deadline, wake);
        }
    }

    /** The last arrival: runs the action, then lets everyone go on (unless the barrier broke meanwhile). */
    private int open(long generation, int index) {
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakIt(generation, "its action failed");
                throw new BarrierBrokenException("barrier " + name + " broken: its action failed", e);
            }
        }
        return space.calmly(what("open"), () -> {
            while (true) {
                Stat st = new Stat();
                Record r = read(st, null);
                if (r.generation() != generation) {
                    throw new BarrierBrokenException("barrier " + name + " was reset while its action ran");
                }
                if (r.broken()) {
                    throw broken(r.why());
                }
                if (space.writeIf(state, st.getVersion(), r.next(true).encode())) {
                    return index;
                }
            }
        });
    }

    private int waitOpen(long generation, int index, long deadline, Wake wake) throws InterruptedException {
        String prefix = "g" + generation + "-";
        String mine = space.blocking(what("wait"), () -> space.enter(folder, prefix));
        Set<String> seen = new HashSet<>();
        try {
            while (true) {
                Stat st = new Stat();
                Record r = space.blocking(what("read"), () -> read(st, wake));
                if (r.generation() != generation) {
                    if (r.opened(generation)) {
                        return index;
                    }
                    throw new BarrierBrokenException("barrier " + name + " is broken: it was reset");
                }
                if (r.broken()) {
                    throw broken(r.why());
                }
                List<String> here = space.blocking(what("read"),
                        () -> Space.sorted(space.curator.getChildren().usingWatcher(wake).forPath(folder), prefix));
                if (!here.containsAll(seen)) {
                    breakIt(generation, "a party's session ended");
                    continue;
                }
                seen.addAll(here);
                if (!wake.await(deadline)) {
                    breakIt(generation, "timed out");
                }
            }
        } catch (InterruptedException e) {
            breakIt(generation, "a party was interrupted");
            throw new InterruptedException("interrupted while waiting at barrier " + name);
        } finally {
            space.deleteQuietly(mine);
        }
    }

    /** Breaks generation {@code generation} for {@code why}, unless it has ended or broken already. */
    private void breakIt(long generation, String why) {
        space.calmly(what("break"), () -> {
            while (true) {
                Stat st = new Stat();
                Record r = read(st, null);
                if (r.generation() != generation || r.broken()
                        || space.writeIf(state, st.getVersion(), r.broken(why).encode())) {
                    return null;
                }
            }
        });
    }

    private BarrierBrokenException broken(String why) {
        return new BarrierBrokenException("barrier " + name + " is broken" + (why.isEmpty() ? "" : ": " + why));
    }

    @Override
    public void abort() {
        ensureOpen();
        breakIt(space.run(what("read"), () -> read(new Stat(), null)).generation(), "aborted");
    }

    @Override
    public void reset() {
        ensureOpen();
        space.run(what("reset"), () -> {
            while (true) {
                Stat st = new Stat();
                Record r = read(st, null);
                if (space.writeIf(state, st.getVersion(), r.next(false).encode())) {
                    return null;
                }
            }
        });
    }

    @Override
    public boolean isBroken() {
        ensureOpen();
        return space.run(what("read"), () -> read(new Stat(), null)).broken();
    }

    @Override
    public int waiting() {
        ensureOpen();
        Record r = space.run(what("read"), () -> read(new Stat(), null));
        return r.broken() ? 0 : Math.min(r.arrived(), parties - 1);
    }

    @Override
    public BarrierState state() {
        return space.run(what("read the state"), () -> {
            Record r = read(new Stat(), null);
            List<Participant> waiting = space.participants(folder, "g" + r.generation() + "-");
            return new BarrierState(parties, r.arrived(), waiting, r.generation(), r.rounds(), r.broken());
        });
    }
}

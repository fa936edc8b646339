package dev.telar.workloads.sync.remote;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Barrier, cyclic as Python's. Its whole state is one node, {@code NAME/state}: the
 * generation, the parties that arrived in it, whether it is broken and why, the rounds completed,
 * and the outcome (opened or reset) of the last 64 generations. Every change is a conditional write
 * on that node's version, so arrivals, the opening, breaking and resetting are atomic across
 * machines.
 *
 * <ul>
 *   <li>An arrival first makes an ephemeral sequential node under {@code NAME/parties}, its name
 *       holding {@code gG-} for its generation G, carrying
 *       who it is, then adds that node's name to the state's arrivals.</li>
 *   <li>The last arrival marks the generation full, runs the action (in its own JVM), then opens:
 *       generation + 1, no arrival. A failing action breaks the barrier instead.</li>
 *   <li>The others watch the state and the folder. One that sees the generation move on reads the
 *       outcome of its own generation: opened, it goes on; reset, it gets
 *       {@link BarrierBrokenException}.</li>
 *   <li>A timeout, an interrupt or {@link #abort()} breaks the generation (with its reason); every
 *       waiter and every later arrival gets {@link BarrierBrokenException} until {@link #reset()}.</li>
 *   <li><b>A party whose session dies breaks it.</b> Its node goes with its session, while its name
 *       stays among the arrivals. A party that finds an arrival's node missing while the generation
 *       is still open (a party leaves normally only after it moved on) breaks the barrier: waiters
 *       look whenever the folder changes, the last arrival looks before it opens. So a dead party
 *       is noticed its session timeout after its last word, by any party waiting then or arriving
 *       later.</li>
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

    /** One version of the state node; {@code arrived} names the arrivals' nodes. */
    private record Record(long generation, List<String> arrived, boolean full, boolean broken, String why, long rounds,
                          long outcomes) {
        Record {
            arrived = List.copyOf(arrived);
        }

        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(generation);
                out.writeInt(arrived.size());
                for (String a : arrived) {
                    out.writeUTF(a);
                }
                out.writeBoolean(full);
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
                long generation = in.readLong();
                List<String> arrived = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    arrived.add(in.readUTF());
                }
                return new Record(generation, arrived, in.readBoolean(), in.readBoolean(), in.readUTF(), in.readLong(), in.readLong());
            } catch (IOException e) {
                throw new IllegalStateException(path + " is not a barrier state Telar wrote", e);
            }
        }

        static Record first() {
            return new Record(0, List.of(), false, false, "", 0, 0);
        }

        Record arrive(String node, boolean last) {
            List<String> more = new ArrayList<>(arrived);
            more.add(node);
            return new Record(generation, more, last, false, "", rounds, outcomes);
        }

        /** The next generation, after this one opened (true) or was reset. */
        Record next(boolean opened) {
            return new Record(generation + 1, List.of(), false, false, "", rounds + (opened ? 1 : 0),
                    outcomes << 1 | (opened ? 1 : 0));
        }

        Record broken(String reason) {
            return new Record(generation, List.of(), false, true, reason, rounds, outcomes);
        }

        /** Whether generation {@code g}, which has ended, opened; more than {@value #HISTORY} back counts as opened. */
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
        nodes.put("state", Record.first().encode());
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

    private static String prefix(long generation) {
        return "g" + generation + "-";
    }

    private int awaitWithin(long nanos) throws InterruptedException {
        ensureOpen();
        long deadline = Waits.deadline(nanos);
        Wake wake = new Wake();
        String mine = null; // this party's node, made for the generation it is in
        boolean counted = false;
        try {
            while (true) {
                Stat st = new Stat();
                Record r = space.blocking(what("read"), () -> read(st, wake));
                if (r.broken()) {
                    throw broken(r.why());
                }
                if (r.full()) {
                    // the last arrival runs the action: this party belongs to the next generation
                    if (!wake.await(deadline)) {
                        breakIt(r.generation(), "timed out");
                    }
                    continue;
                }
                String prefix = prefix(r.generation());
                if (mine != null && !mine.substring(folder.length() + 1).contains(prefix)) {
                    leave(mine); // made for a generation that has ended
                    mine = null;
                }
                if (mine == null) {
                    // no fresh read after it: should the state have changed meanwhile, the conditional write below fails and the loop reads again
                    mine = space.blocking(what("arrive"), () -> space.enter(folder, prefix));
                }
                int index = r.arrived().size();
                boolean last = index == parties - 1;
                Record in = r.arrive(mine.substring(folder.length() + 1), last);
                if (!space.blocking(what("arrive"), () -> space.writeIf(state, st.getVersion(), in.encode()))) {
                    continue; // another party changed the state first
                }
                counted = true;
                if (last) {
                    return open(in, st.getVersion() + 1, index);
                }
                return waitOpen(in, index, deadline, wake);
            }
        } catch (InterruptedException e) {
            if (counted) {
                throw e;
            }
            throw new InterruptedException("interrupted while arriving at barrier " + name);
        } finally {
            if (mine != null) {
                leave(mine);
            }
        }
    }

    /**
     * Deletes this party's node without waiting for the answer: the manager handles one session's
     * requests in the order sent, so this client's next arrival or read comes after the deletion,
     * while the round trip is saved. A deletion that fails leaves a node of an ended generation,
     * which nothing counts, until the session ends.
     */
    private void leave(String node) {
        try {
            space.curator.delete().quietly().inBackground().forPath(node);
        } catch (Exception e) {
            space.deleteQuietly(node);
        }
    }

    /** Whether every arrival of {@code r} still has its node (a party whose session ended has none). */
    private boolean allThere(Record r) throws Exception {
        return new HashSet<>(space.curator.getChildren().forPath(folder)).containsAll(r.arrived());
    }

    /** The last arrival: checks the others are alive, runs the action, then lets everyone go on (unless the barrier broke meanwhile). */
    private int open(Record full, int version, int index) {
        if (!space.calmly(what("open"), () -> allThere(full))) {
            breakIt(full.generation(), "a party's session ended");
            throw broken("a party's session ended");
        }
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakIt(full.generation(), "its action failed");
                throw new BarrierBrokenException("barrier " + name + " broken: its action failed", e);
            }
        }
        return space.calmly(what("open"), () -> {
            // first on the state this party wrote (no read): a break or reset meanwhile fails the write, then the loop reads
            if (space.writeIf(state, version, full.next(true).encode())) {
                return index;
            }
            while (true) {
                Stat st = new Stat();
                Record r = read(st, null);
                if (r.generation() != full.generation()) {
                    throw new BarrierBrokenException("barrier " + name + " is broken: it was reset");
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

    private int waitOpen(Record arrived, int index, long deadline, Wake wake) throws InterruptedException {
        long generation = arrived.generation();
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
                Set<String> here = new HashSet<>(space.blocking(what("read"),
                        () -> space.curator.getChildren().usingWatcher(wake).forPath(folder)));
                if (!here.containsAll(r.arrived())) {
                    breakIt(generation, "a party's session ended");
                    continue;
                }
                if (!wake.await(deadline)) {
                    breakIt(generation, "timed out");
                }
            }
        } catch (InterruptedException e) {
            breakIt(generation, "a party was interrupted");
            throw new InterruptedException("interrupted while waiting at barrier " + name);
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
        return r.broken() ? 0 : Math.min(r.arrived().size(), parties - 1);
    }

    @Override
    public BarrierState state() {
        return space.run(what("read the state"), () -> {
            Record r = read(new Stat(), null);
            List<Participant> waiting = space.participants(folder, prefix(r.generation()));
            return new BarrierState(parties, r.arrived().size(), waiting, r.generation(), r.rounds(), r.broken());
        });
    }
}

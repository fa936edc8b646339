package dev.telar.workloads.sync.remote;

import dev.telar.workloads.remote.ManagerClient;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Barrier, cyclic as Python's. Its state is one node, {@code NAME/state}: the
 * generation, whether it is broken and why, the rounds completed and the outcome (opened or reset)
 * of the last 64 generations. Only opening, breaking and resetting write it, each a conditional
 * write on its version, so they are atomic across machines. The arrivals of generation G are the
 * children of its own folder, {@code NAME/parties/gG}, made with the generation it belongs to.
 *
 * <ul>
 *   <li>An arrival reads the state (watching it), then, in one transaction checking that the state
 *       is still the version it read, makes an ephemeral sequential node {@code p<index>} in the
 *       generation's folder carrying who it is. The sequence number ZooKeeper gives is the number
 *       of nodes made (and deleted) in that folder before: while no party died, the arrival index,
 *       told by the same round trip, so arrivals never contend for the state. An arrival in a JVM
 *       that saw the last generation end checks the state it saw then, and sends its read (with
 *       the watch) just before the transaction rather than waiting for it: one round trip for
 *       both; a state changed since fails the transaction, and the arrival reads and tries again.</li>
 *   <li>The arrival of index parties - 1 is the last. It runs the action (in its own JVM; after
 *       checking the others are alive), then opens in one transaction: the state to generation + 1,
 *       conditional on the version it read (a break or reset meanwhile fails it), with a check that
 *       every other arrival's node, {@code p0} to {@code p<parties - 2>}, is still there, and the
 *       next generation's folder (a container: the server removes it once its nodes are gone). A
 *       failing action breaks the barrier instead. An arrival whose index is parties or more came
 *       after the last one: it waits for the generation to end, then arrives in the next.</li>
 *   <li>The others watch the state and the folder. One that sees the generation move on reads the
 *       outcome of its own generation: opened, it goes on; reset, it gets
 *       {@link BarrierBrokenException}. Each party deletes its node once its generation ended,
 *       without waiting for the answer.</li>
 *   <li>A timeout, an interrupt or {@link #abort()} breaks the generation (with its reason); every
 *       waiter and every later arrival gets {@link BarrierBrokenException} until {@link #reset()}.</li>
 *   <li><b>A party whose session dies breaks it.</b> Its node goes with its session, while the
 *       folder's child version (which counts every node made and deleted in it) keeps it counted. A
 *       folder holding fewer nodes than its child version while its generation is still open means
 *       a party died (a party leaves only after its generation ended), and who sees it breaks the
 *       barrier: waiters look whenever the folder changes, a later arrival looks as it arrives,
 *       the last arrival's opening fails on the missing node; a folder gone altogether (every
 *       party in it died) breaks it too. So a dead party is noticed its session timeout after its
 *       last word, by any party waiting then or arriving later.</li>
 * </ul>
 * A round without an action costs each arrival one round trip (two after a generation its JVM did
 * not see end) and one write; a waiter then reads the folder (again at each later arrival and
 * death) and the state once when it moves; the last arrival opens in one more round trip, one
 * write. Parties never retry for another's arrival, and each deletes its node without waiting.
 * Thread-safe.
 */
final class RemoteBarrier extends RemotePrimitive<BarrierState> implements SyncBarrier {
    private static final int HISTORY = Long.SIZE;
    /** The name of an arrival's node in its generation's folder, before ZooKeeper's 10-digit sequence number. */
    private static final String NODE = "p";
    private final int parties;
    private final Runnable action;
    private final long defaultTimeout;
    private final String state;
    private final String folder;
    /** The state as a party of this JVM last saw it at a generation's end: the next arrival checks it in its transaction rather than reading first. */
    private volatile Known known;

    /** A state at its version. */
    private record Known(Record record, int version) {
    }

    /**
     * One version of the state node. {@code arrived} and {@code full} are kept in the encoding for
     * states an earlier Telar wrote, which counted arrivals there; this one writes them empty.
     * {@code folders} says the generation's folder was made with the generation (an earlier Telar
     * made none), so that a folder found missing means its parties died.
     */
    private record Record(long generation, List<String> arrived, boolean full, boolean broken, String why, long rounds,
                          long outcomes, boolean folders) {
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
                out.writeBoolean(folders);
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
                return new Record(generation, arrived, in.readBoolean(), in.readBoolean(), in.readUTF(), in.readLong(),
                        in.readLong(), in.available() > 0 && in.readBoolean());
            } catch (IOException e) {
                throw new IllegalStateException(path + " is not a barrier state Telar wrote", e);
            }
        }

        static Record first() {
            return new Record(0, List.of(), false, false, "", 0, 0, true);
        }

        /** The next generation, after this one opened (true) or was reset. */
        Record next(boolean opened) {
            return new Record(generation + 1, List.of(), false, false, "", rounds + (opened ? 1 : 0),
                    outcomes << 1 | (opened ? 1 : 0), true);
        }

        Record broken(String reason) {
            return new Record(generation, List.of(), false, true, reason, rounds, outcomes, folders);
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

    /** The nodes a new barrier starts with: generation 0, whole and empty, with its folder. */
    static Map<String, byte[]> initialNodes() {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("state", Record.first().encode());
        nodes.put("parties", new byte[0]);
        nodes.put("parties/" + generationFolder(0), new byte[0]);
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

    private Record read(Stat st, Watcher watch) throws Exception {
        byte[] data = watch == null ? space.curator.getData().storingStatIn(st).forPath(state)
                : space.curator.getData().storingStatIn(st).usingWatcher(watch).forPath(state);
        return Record.decode(data, state);
    }

    private static String generationFolder(long generation) {
        return "g" + generation;
    }

    /** The folder of generation {@code generation}'s arrivals. */
    private String arrivals(long generation) {
        return folder + "/" + generationFolder(generation);
    }

    /** The node of the arrival of index {@code index} in its folder, as ZooKeeper names it. */
    private String arrival(long generation, int index) {
        return arrivals(generation) + "/" + NODE + String.format("%010d", index);
    }

    /** The arrival index a node's name holds. */
    private static int index(String node) {
        return Integer.parseInt(node.substring(node.length() - 10));
    }

    /**
     * What a waiting party watches: the state and its generation's folder. It remembers which of
     * them changed, so that a wake reads again only what changed (a connection event counts for both).
     */
    private static final class Watch {
        final Wake wake = new Wake();
        final AtomicBoolean stateMoved = new AtomicBoolean();
        final AtomicBoolean folderMoved = new AtomicBoolean();
        final Watcher onState = event -> changed(event, stateMoved);
        final Watcher onFolder = event -> changed(event, folderMoved);

        private void changed(WatchedEvent event, AtomicBoolean which) {
            if (event.getType() == Watcher.Event.EventType.None) {
                stateMoved.set(true);
                folderMoved.set(true);
            } else {
                which.set(true);
            }
            wake.process(event);
        }
    }

    private int awaitWithin(long nanos) throws InterruptedException {
        ensureOpen();
        long deadline = Waits.deadline(nanos);
        Watch watch = new Watch();
        String mine = null; // this party's node, made in the folder of the generation it is in
        boolean counted = false;
        Known guess = known;
        try {
            while (true) {
                Stat st = new Stat();
                Record r;
                String made;
                boolean watched = true; // the watch on the state was set at the version arrived on
                if (guess != null) {
                    // the read goes out just before the arrival checked on the state last seen: one round trip for both
                    Known k = guess;
                    guess = null;
                    r = k.record();
                    st.setVersion(k.version());
                    CompletableFuture<Integer> reading = space.blocking(what("read"), () -> readAhead(watch.onState));
                    made = space.blocking(what("arrive"), () -> arrive(k.record(), k.version()));
                    // its answer came before the arrival's (one session's answers come in order); join, not get: an interrupt here would lose track of the node made
                    watched = reading.join() == k.version();
                } else {
                    r = space.blocking(what("read"), () -> read(st, watch.onState));
                    if (r.broken()) {
                        throw broken(r.why());
                    }
                    if (mine != null) {
                        leave(mine); // came after the last arrival of a generation that has ended
                        mine = null;
                    }
                    Record now = r;
                    made = space.blocking(what("arrive"), () -> arrive(now, st.getVersion()));
                }
                if (made == null) {
                    continue; // the state changed first
                }
                mine = made;
                int index = index(mine);
                if (index < parties) {
                    counted = true;
                    return index == parties - 1 ? open(r, st.getVersion(), index)
                            : waitOpen(r.generation(), index, !watched, deadline, watch);
                }
                // came after the last arrival: waits for the generation to end, then arrives in the next
                watchUntilEnd(r.generation(), !watched, deadline, watch);
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
     * Makes this party's node in generation {@code r}'s folder, in one transaction with a check that
     * the state is still at {@code version}: its path, or null when the state changed first. The
     * transaction is sent once, on ZooKeeper's own handle; when its answer is lost, the folder is
     * searched for a node of this session carrying this thread.
     */
    private String arrive(Record r, int version) throws Exception {
        String into = arrivals(r.generation());
        byte[] me = Participants.current();
        List<Op> ops = List.of(Op.check(ManagerClient.ROOT + state, version),
                Op.create(ManagerClient.ROOT + into + "/" + NODE, me, ManagerClient.ONLY_TELAR, CreateMode.EPHEMERAL_SEQUENTIAL));
        try {
            List<OpResult> done = space.zk().multi(ops);
            String made = ((OpResult.CreateResult) done.get(1)).getPath();
            return into + made.substring(made.lastIndexOf('/'));
        } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
            if (Space.failedOp(e) == 1 && e instanceof KeeperException.NoNodeException) {
                noFolder(r);
            }
            return null;
        } catch (KeeperException.ConnectionLossException | InterruptedException unknown) {
            try {
                return space.calmly(what("arrive"), () -> find(into, me));
            } finally {
                if (unknown instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Sends a read of the state setting {@code watch}, without waiting: the version it saw, -1 when it failed. */
    private CompletableFuture<Integer> readAhead(Watcher watch) throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        space.zk().getData(ManagerClient.ROOT + state, watch,
                (rc, at, context, data, stat) -> seen.complete(rc == KeeperException.Code.OK.intValue() ? stat.getVersion() : -1), null);
        return seen;
    }

    /** This session's node carrying {@code me} in {@code into}, or null. */
    private String find(String into, byte[] me) throws Exception {
        long session = space.zk().getSessionId();
        List<String> kids;
        try {
            kids = space.curator.getChildren().forPath(into);
        } catch (KeeperException.NoNodeException gone) {
            return null;
        }
        for (String k : kids) {
            Stat st = new Stat();
            try {
                byte[] data = space.curator.getData().storingStatIn(st).forPath(into + "/" + k);
                if (st.getEphemeralOwner() == session && Arrays.equals(data, me)) {
                    return into + "/" + k;
                }
            } catch (KeeperException.NoNodeException gone) {
                // left meanwhile
            }
        }
        return null;
    }

    /**
     * Generation {@code r}'s folder is missing. Made with its generation, it is gone only when every
     * party in it died and the server removed the empty container: that breaks the generation. A
     * state an earlier Telar wrote has no folder yet: it is made.
     */
    private void noFolder(Record r) throws Exception {
        if (r.folders()) {
            breakIt(r.generation(), "a party's session ended");
            return;
        }
        try {
            space.curator.create().withMode(CreateMode.CONTAINER).forPath(arrivals(r.generation()));
        } catch (KeeperException.NodeExistsException made) {
            // by another party
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

    /** Checks that the arrivals of {@code generation} before the last one are all there (a party whose session ended has none). */
    private List<Op> othersThere(long generation) {
        List<Op> checks = new ArrayList<>(parties);
        for (int i = 0; i < parties - 1; i++) {
            checks.add(Op.check(ManagerClient.ROOT + arrival(generation, i), -1));
        }
        return checks;
    }

    /**
     * The last arrival: runs the action, then lets everyone go on in one transaction with the checks
     * that the others are alive (unless the barrier broke or was reset meanwhile).
     */
    private int open(Record r, int version, int index) {
        long generation = r.generation();
        List<Op> checks = othersThere(generation);
        if (action != null) {
            // the others are alive before the action runs, not only after
            if (!checks.isEmpty() && !space.calmly(what("open"), () -> allThere(checks))) {
                throw brokenBy(generation, "a party's session ended");
            }
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakIt(generation, "its action failed");
                throw new BarrierBrokenException("barrier " + name + " broken: its action failed", e);
            }
        }
        List<Op> opening = new ArrayList<>(checks);
        opening.add(Op.create(ManagerClient.ROOT + arrivals(generation + 1), new byte[0], ManagerClient.ONLY_TELAR,
                CreateMode.CONTAINER));
        boolean opened;
        try {
            opened = space.calmly(what("open"), () -> space.commitIf(state, version, r.next(true).encode(), opening));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof KeeperException.NoNodeException) {
                throw brokenBy(generation, "a party's session ended");
            }
            throw e;
        }
        if (opened) {
            known = new Known(r.next(true), version + 1);
            return index;
        }
        // the state changed: only a break or a reset can have changed it since this party arrived
        Record now = space.calmly(what("read"), () -> read(new Stat(), null));
        if (now.generation() != generation) {
            throw new BarrierBrokenException("barrier " + name + " is broken: it was reset");
        }
        throw broken(now.why());
    }

    /** Whether every node {@code checks} checks is there, asked in one transaction. */
    private boolean allThere(List<Op> checks) throws Exception {
        try {
            space.zk().multi(checks);
            return true;
        } catch (KeeperException.NoNodeException missing) {
            return false;
        }
    }

    private BarrierBrokenException brokenBy(long generation, String why) {
        breakIt(generation, why);
        return broken(why);
    }

    /** A party that is not the last: waits for its generation to end (its watch on the state was set as it arrived). */
    private int waitOpen(long generation, int index, boolean readFirst, long deadline, Watch watch) throws InterruptedException {
        try {
            Record r = watchUntilEnd(generation, readFirst, deadline, watch);
            if (r.opened(generation)) {
                return index;
            }
            throw new BarrierBrokenException("barrier " + name + " is broken: it was reset");
        } catch (InterruptedException e) {
            breakIt(generation, "a party was interrupted");
            throw new InterruptedException("interrupted while waiting at barrier " + name);
        }
    }

    /**
     * Waits until generation {@code generation} ends, watching the state and the generation's
     * folder, and breaks it when a party in it died or the deadline passed: the state that ended it.
     * {@code readFirst} false: this party read the state, setting {@code watch}, just before its
     * arrival, which checked the state had not changed since.
     *
     * @throws BarrierBrokenException when the generation is broken
     */
    private Record watchUntilEnd(long generation, boolean readFirst, long deadline, Watch watch) throws InterruptedException {
        boolean readState = readFirst;
        boolean lookAtFolder = true;
        while (true) {
            if (readState) {
                Stat st = new Stat();
                Record r = space.blocking(what("read"), () -> read(st, watch.onState));
                if (r.generation() != generation) {
                    known = new Known(r, st.getVersion());
                    return r;
                }
                if (r.broken()) {
                    throw broken(r.why());
                }
            }
            if (lookAtFolder && space.blocking(what("read"), () -> someoneDied(generation, watch.onFolder))) {
                breakIt(generation, "a party's session ended");
                readState = true;
                lookAtFolder = false;
                continue;
            }
            if (!watch.wake.await(deadline)) {
                breakIt(generation, "timed out");
                readState = true;
                lookAtFolder = false;
                continue;
            }
            readState = watch.stateMoved.getAndSet(false);
            lookAtFolder = watch.folderMoved.getAndSet(false);
        }
    }

    /**
     * Whether a node of generation {@code generation}'s folder went before the generation ended: it
     * holds fewer nodes than its child version (which counts the nodes made and the nodes deleted
     * in it, and so equals the count of nodes held only while none was deleted), or is gone.
     */
    private boolean someoneDied(long generation, Watcher watch) throws Exception {
        Stat st = new Stat();
        try {
            space.curator.getChildren().storingStatIn(st).usingWatcher(watch).forPath(arrivals(generation));
        } catch (KeeperException.NoNodeException gone) {
            return true;
        }
        return st.getNumChildren() < st.getCversion();
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
                List<Op> folder = List.of(Op.create(ManagerClient.ROOT + arrivals(r.generation() + 1), new byte[0],
                        ManagerClient.ONLY_TELAR, CreateMode.CONTAINER));
                if (space.commitIf(state, st.getVersion(), r.next(false).encode(), folder)) {
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

    /** How many arrived in generation {@code generation}, a dead party counted: the nodes ever made in its folder. */
    private int arrived(long generation) throws Exception {
        Stat st = space.curator.checkExists().forPath(arrivals(generation));
        // the child version counts the nodes made and those deleted: made = (made + deleted + left) / 2
        return st == null ? 0 : Math.min((st.getCversion() + st.getNumChildren()) / 2, parties);
    }

    @Override
    public int waiting() {
        ensureOpen();
        return space.run(what("read"), () -> {
            Record r = read(new Stat(), null);
            return r.broken() ? 0 : Math.min(arrived(r.generation()), parties - 1);
        });
    }

    @Override
    public BarrierState state() {
        return space.run(what("read the state"), () -> {
            Record r = read(new Stat(), null);
            List<Participant> waiting;
            try {
                waiting = space.participants(arrivals(r.generation()), NODE);
            } catch (KeeperException.NoNodeException gone) {
                waiting = List.of();
            }
            // those that came after the last arrival wait for the next generation
            waiting = waiting.subList(0, Math.min(waiting.size(), parties));
            return new BarrierState(parties, arrived(r.generation()), waiting, r.generation(), r.rounds(), r.broken());
        });
    }
}

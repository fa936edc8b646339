package dev.telar.tui.view;

import dev.telar.config.ExperimentDefaults;
import dev.telar.tui.text.Message;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.ExchangeStats;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange view's state: the form (mechanism, processes, draws, 1-vs-P comparison, race
 * increments), whether a job runs, the live look at each mechanism that ran (statistics, children,
 * a history of its rate), the results table (per mechanism: 1 process against P processes) and
 * the race demo.
 *
 * <p>Owned by the UI thread; not thread-safe. Panels read it; only its controller changes
 * it, from keys and from the lab's events (results, progress, race samples) that arrived through
 * the event loop's queue.
 */
public final class ExchangeState {
    /** The form's fields, top to bottom. */
    public enum Field { MECHANISM, PROCESSES, DRAWS, COMPARE, INCREMENTS }

    /** What the runner is doing for this view. */
    public enum Job { NONE, COMPARISON, RACE }

    /** Draws presets (all processes together); 320M is the lecture's. */
    public static final long[] DRAWS = {10_000_000L, 50_000_000L, ExchangeSpec.LECTURE_DRAWS, 1_000_000_000L};
    /** Race demo increments per process and phase. */
    public static final long[] INCREMENTS = {100_000L, 1_000_000L, 10_000_000L};
    /** Rate samples kept per mechanism for its sparkline (one per refresh tick). */
    public static final int HISTORY = 120;

    /**
     * One mechanism's line of the results table: the lecture's pair of runs.
     *
     * @param mechanism the mechanism
     * @param processes P of the comparison
     * @param withOne   true when a 1-process run precedes the P-process run
     * @param one       the 1-process run once finished, else null
     * @param many      the P-process run once finished, else null
     */
    public record Row(Mechanism mechanism, int processes, boolean withOne, ExchangeEvent.RunFinished one,
                      ExchangeEvent.RunFinished many) {
        Row with(ExchangeEvent.RunFinished finished) {
            boolean single = finished.result().spec().processes() == 1 && withOne && processes > 1;
            return single ? new Row(mechanism, processes, withOne, finished, many)
                    : new Row(mechanism, processes, withOne, one, finished);
        }
    }

    /** What a mechanism's panel shows: the latest statistics of its latest run, its children, its rate history. */
    public static final class Live {
        private ExchangeSpec spec;
        private ExchangeStats stats;
        private List<ExchangeProgress.Child> children = List.of();
        private ExchangeResult result;
        private final double[] rates = new double[HISTORY];
        private int count;
        private double lastElapsed = -1;

        Live(ExchangeSpec spec) {
            restart(spec);
        }

        void restart(ExchangeSpec newSpec) {
            spec = newSpec;
            stats = null;
            children = List.of();
            result = null;
            count = 0;
            lastElapsed = -1;
        }

        void progress(ExchangeProgress p) {
            stats = p.stats();
            children = p.children();
            if (p.stats().elapsedSeconds() > lastElapsed && p.stats().elapsedSeconds() > 0) {
                lastElapsed = p.stats().elapsedSeconds();
                rates[count % HISTORY] = p.stats().opsPerSecond();
                count++;
            }
        }

        void finish(ExchangeResult r) {
            result = r;
            List<ExchangeProgress.Child> ended = new ArrayList<>();
            for (ChildReport c : r.children()) {
                ended.add(new ExchangeProgress.Child(c.index(), c.pid(), c.exit().isEmpty(), c.exit(), c.received()));
            }
            children = List.copyOf(ended);
        }

        /** The run shown. */
        public ExchangeSpec spec() {
            return spec;
        }

        /** Its latest statistics; null before the first look. */
        public ExchangeStats stats() {
            return stats;
        }

        /** Its children, as last seen (after the end: how each ended). */
        public List<ExchangeProgress.Child> children() {
            return children;
        }

        /** Its result once finished; null while it runs. */
        public ExchangeResult result() {
            return result;
        }

        /** Rate samples kept, at most {@link #HISTORY}. */
        public int rateCount() {
            return Math.min(count, HISTORY);
        }

        /** Rate sample {@code i}, 0 the oldest kept; operations per second. */
        public double rate(int i) {
            int first = count > HISTORY ? count - HISTORY : 0;
            return rates[(first + i) % HISTORY];
        }
    }

    /** The race demo as last seen. */
    public record Race(int processes, long increments, RaceDemo.Sample sample, long unlockedTotal, RaceResult result) {
        /** True until the result arrives. */
        public boolean running() {
            return result == null;
        }
    }

    private Field field = Field.MECHANISM;
    /** True when the form runs every mechanism on offer in turn; else the one at {@link #single}. */
    private boolean all = true;
    private int single;
    /** The manager the remote mechanisms run through; empty when none is configured (the form leaves them out). */
    private Optional<ManagerTarget> manager = Optional.empty();
    private int processes;
    private int drawsIndex = 2;
    private boolean compare = true;
    private int incrementsIndex = 1;

    private Job job = Job.NONE;
    private ExchangeSpec running;
    private Message message = Message.NONE;
    private final Map<Mechanism, Row> rows = new LinkedHashMap<>();
    private ExchangeEvent.RunFinished latest;
    /** Mechanisms' live looks, most recent first. */
    private final LinkedHashMap<Mechanism, Live> lives = new LinkedHashMap<>();
    private Race race;
    private boolean showRace;

    /** A form with the built-in defaults. */
    public ExchangeState(int machineCores) {
        this(machineCores, ExperimentDefaults.DEFAULTS);
    }

    /**
     * @param machineCores logical cores of this machine (processes 0 in the settings means one per core)
     * @param defaults     the settings' experiment defaults: their workers are the form's processes
     */
    public ExchangeState(int machineCores, ExperimentDefaults defaults) {
        this.processes = clamp(defaults.workersFor(Math.max(1, machineCores)), 1, ExchangeSpec.MAX_PROCESSES);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The field Up/Down have selected. */
    public Field field() {
        return field;
    }

    void moveField(int delta) {
        Field[] all = Field.values();
        field = all[Math.floorMod(field.ordinal() + delta, all.length)];
    }

    void selectField(Field chosen) {
        field = chosen;
    }

    /** Changes the selected field by one step (Left: -1, Right: +1); false if nothing changed. */
    boolean change(int delta) {
        switch (field) {
            case MECHANISM -> {
                // The choices, then "all" as one more stop, round and round.
                int n = choices().size();
                int at = Math.floorMod((all ? n : single) + delta, n + 1);
                all = at == n;
                single = all ? single : at;
            }
            case PROCESSES -> {
                int before = processes;
                processes = clamp(processes + delta, 1, ExchangeSpec.MAX_PROCESSES);
                if (processes == before) {
                    return false;
                }
            }
            case DRAWS -> {
                int before = drawsIndex;
                drawsIndex = clamp(drawsIndex + delta, 0, DRAWS.length - 1);
                if (drawsIndex == before) {
                    return false;
                }
            }
            case COMPARE -> compare = !compare;
            case INCREMENTS -> {
                int before = incrementsIndex;
                incrementsIndex = clamp(incrementsIndex + delta, 0, INCREMENTS.length - 1);
                if (incrementsIndex == before) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        message = Message.NONE;
        return true;
    }

    /** True when every mechanism runs in turn. */
    public boolean allMechanisms() {
        return all;
    }

    /** The mechanisms a run of the form goes through, in order. */
    public List<Mechanism> mechanisms() {
        List<Mechanism> choices = choices();
        return all ? choices : List.of(choices.get(Math.min(single, choices.size() - 1)));
    }

    /**
     * The mechanisms on offer: the local ones, and with a manager configured the lecture's Manager
     * ones too (manager-dict, manager-value).
     */
    private List<Mechanism> choices() {
        return manager.isPresent() ? List.of(Mechanism.values()) : Mechanism.LOCAL;
    }

    /** The manager the remote mechanisms run through, when one is configured. */
    public Optional<ManagerTarget> manager() {
        return manager;
    }

    /** Offers the remote mechanisms through {@code target} (empty: none, and a remote choice falls back to all). */
    public void offerRemote(Optional<ManagerTarget> target) {
        manager = target;
        if (!all && single >= choices().size()) {
            all = true;
        }
    }

    /** Processes P. */
    public int processes() {
        return processes;
    }

    /** Draws of one run, all processes together. */
    public long draws() {
        return DRAWS[drawsIndex];
    }

    /** True when each mechanism also runs with 1 process, for the lecture's comparison. */
    public boolean compare() {
        return compare;
    }

    /** Race demo increments per process and phase. */
    public long increments() {
        return INCREMENTS[incrementsIndex];
    }

    /** True from the lab's start of an exchange or race job until its end. */
    public boolean busy() {
        return job != Job.NONE;
    }

    /** The job in progress. */
    public Job job() {
        return job;
    }

    /** The lab started the comparison this view asked for: the rows of its mechanisms start empty. */
    void comparisonStarted(List<Mechanism> mechanismsRun, int processesEach, boolean withOne) {
        job = Job.COMPARISON;
        message = Message.NONE;
        showRace = false;
        for (Mechanism m : mechanismsRun) {
            rows.put(m, new Row(m, processesEach, withOne && processesEach > 1, null, null));
        }
    }

    /** The lab started the race demo this view asked for. */
    void raceJobStarted(int processesRacing, long incrementsEach) {
        job = Job.RACE;
        message = Message.NONE;
        showRace = true;
        race = new Race(processesRacing, incrementsEach, null, -1, null);
    }

    /** The run in progress, or null. */
    public ExchangeSpec running() {
        return running;
    }

    void started(ExchangeSpec spec) {
        running = spec;
        Live live = lives.remove(spec.mechanism());
        if (live == null) {
            live = new Live(spec);
        } else {
            live.restart(spec);
        }
        // Most recent first: the panel draws the running mechanism on top.
        LinkedHashMap<Mechanism, Live> rest = new LinkedHashMap<>(lives);
        lives.clear();
        lives.put(spec.mechanism(), live);
        lives.putAll(rest);
    }

    void finished(ExchangeEvent.RunFinished finished) {
        ExchangeSpec spec = finished.result().spec();
        running = null;
        latest = finished;
        Row row = rows.get(spec.mechanism());
        if (row == null) {
            row = new Row(spec.mechanism(), spec.processes(), false, null, null);
        }
        rows.put(spec.mechanism(), row.with(finished));
        Live live = lives.get(spec.mechanism());
        if (live != null && live.spec().equals(spec)) {
            live.finish(finished.result());
        }
    }

    /** Takes the lab's look at the run in progress (about five times a second). */
    void progress(ExchangeProgress p) {
        Live live = lives.get(p.spec().mechanism());
        if (live != null && live.spec().equals(p.spec()) && live.result() == null) {
            live.progress(p);
        }
    }

    void raceStarted(int processesRacing, long incrementsEach) {
        race = new Race(processesRacing, incrementsEach, null, -1, null);
        showRace = true;
    }

    void raceSample(RaceDemo.Sample sample) {
        if (race == null || !race.running()) {
            return;
        }
        long unlocked = race.unlockedTotal();
        if (!sample.locked()) {
            unlocked = sample.value();
        }
        race = new Race(race.processes(), race.increments(), sample, unlocked, null);
    }

    void raceFinished(RaceResult result) {
        long unlocked = result.status() == RunResult.Status.COMPLETED ? result.unlockedTotal()
                : race != null ? race.unlockedTotal() : -1;
        race = new Race(result.processes(), result.increments(), race != null ? race.sample() : null, unlocked, result);
        showRace = true;
    }

    void idle() {
        job = Job.NONE;
        running = null;
        message = Message.NONE;
    }

    /** A one-line note for the user (why a job did not start); {@link Message#NONE} when none. */
    public Message message() {
        return message;
    }

    void setMessage(Message note) {
        this.message = note;
    }

    /** The results table: one row per mechanism, in the order first run. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** The run that finished last, for the verdict line; null before any. */
    public ExchangeEvent.RunFinished latest() {
        return latest;
    }

    /** The mechanisms' live looks, the most recently started first. */
    public List<Live> lives() {
        return List.copyOf(lives.values());
    }

    /** The pids of the running run's children still alive (their threads are sampled for the core). */
    public List<Long> livePids() {
        if (running == null) {
            return List.of();
        }
        Live live = lives.get(running.mechanism());
        if (live == null) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        for (ExchangeProgress.Child c : live.children()) {
            if (c.alive()) {
                pids.add(c.pid());
            }
        }
        return pids;
    }

    /** The race demo as last seen; null before the first. */
    public Race race() {
        return race;
    }

    /** True when the side panel shows the race demo rather than the mechanisms. */
    public boolean showRace() {
        return showRace && race != null;
    }
}

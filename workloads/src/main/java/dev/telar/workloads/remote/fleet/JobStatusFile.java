package dev.telar.workloads.remote.fleet;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.ipc.OwnFile;
import dev.telar.workloads.ipc.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lab engine's status file: the job it runs ({@link RunningJob}), where a {@code telar agent}
 * of the same user finds it. The files live in {@code jobs/} inside Telar's own place
 * ({@link #defaultDirectory}, made and checked by {@link RunDirectory#ensurePlace}: owner-only,
 * never a symlink); each is named {@code job-<pid>-<start ticks>.status} after its writer, is
 * owner-only ({@code 0600}) and appears whole (written to {@code .job-<pid>-<start ticks>.tmp},
 * then renamed).
 *
 * <pre>
 * telar-job 1
 * owner PID:START_TICKS
 * pidns PID_NAMESPACE
 * kind KIND
 * started STARTED_AT_MS
 * label LABEL                 (the rest of the line)
 * figure NAME VALUE           (one line per figure, in order)
 * </pre>
 *
 * <p>Readers ({@link #readLive}) take only files named so, that are this user's regular files
 * with one link, at most {@value #MAX_BYTES} bytes, whose owner line matches the name, and whose
 * owner is alive by {@link ProcessIdentity#isAlive()} (a dead pid, or a pid reused by a process
 * started at another time, is not the writer); anything else is ignored, never changed. The
 * writer replaces or deletes only the file it last wrote itself (same inode), and on opening
 * removes the files of writers that are dead. Thread-safe.
 */
public final class JobStatusFile implements AutoCloseable {
    /** Least time between two writes of a file, milliseconds: readers may see figures this late. */
    public static final long MIN_GAP_MILLIS = 500;
    /** Largest status file read, bytes; a file written here is far smaller. */
    static final int MAX_BYTES = 2048;
    static final String MAGIC = "telar-job 1";
    private static final Pattern NAME = Pattern.compile("job-(\\d+)-(\\d+)\\.status");
    private static final Pattern TEMP = Pattern.compile("\\.job-(\\d+)-(\\d+)\\.tmp");

    private final Path file;
    private final Path temp;
    /** The inode of the file this writer last put in place; null while none is there. */
    private Object written;

    private JobStatusFile(Path file, Path temp) {
        this.file = file;
        this.temp = temp;
    }

    /** {@code jobs/} in Telar's own place ({@link RunDirectory#defaultParent}) for this environment. */
    public static Path defaultDirectory(Map<String, String> env) {
        return RunDirectory.defaultParent(env).resolve("jobs");
    }

    /**
     * This process's status file in {@code dir}, made owner-only when absent and checked as Telar's
     * own; the files of dead writers there are removed first. Writes nothing yet.
     *
     * @throws dev.telar.workloads.ipc.UnsafePlaceException when {@code dir} is not a place Telar can trust
     */
    public static JobStatusFile open(Path dir) throws IOException {
        RunDirectory.ensurePlace(dir);
        removeStale(dir);
        ProcessIdentity self = ProcessIdentity.current();
        String id = self.pid() + "-" + self.startTicks();
        return new JobStatusFile(dir.resolve("job-" + id + ".status"), dir.resolve(".job-" + id + ".tmp"));
    }

    /** The file's path. */
    public Path path() {
        return file;
    }

    /**
     * Puts {@code job} in the file, whole. Callers keep writes at least {@link #MIN_GAP_MILLIS} apart.
     *
     * @throws IOException when it cannot be written, or when something not written here (a
     *                     symlink, another file) is under its name: that is left as it is
     */
    public synchronized void write(RunningJob job) throws IOException {
        String problem = OwnFile.problem(file);
        if (problem == null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && (written == null || !written.equals(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey()))) {
            problem = "it was not written by this process";
        }
        if (problem != null) {
            throw new IOException("job status file " + file + " left alone: " + problem);
        }
        written = OwnFile.replace(file, temp, encode(job, ProcessIdentity.current()).getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the file when it is still the one written here; does nothing otherwise. */
    public synchronized void remove() throws IOException {
        Object key = written;
        written = null;
        OwnFile.deleteIfSame(file, key);
    }

    /** {@link #remove()}. */
    @Override
    public void close() throws IOException {
        remove();
    }

    static String encode(RunningJob job, ProcessIdentity owner) {
        StringBuilder b = new StringBuilder(256);
        b.append(MAGIC).append('\n');
        b.append("owner ").append(owner.text()).append('\n');
        b.append("pidns ").append(ProcessIdentity.pidNamespace()).append('\n');
        b.append("kind ").append(job.kind()).append('\n');
        b.append("started ").append(job.startedAtMillis()).append('\n');
        b.append("label ").append(job.label()).append('\n');
        job.figures().forEach((name, value) -> b.append("figure ").append(name).append(' ').append(SummaryCodec.fixed(value, 3)).append('\n'));
        return b.toString();
    }

    /**
     * The running jobs whose status files in {@code dir} pass every check above, by pid, at most
     * {@link RunningJob#MAX_PER_HOST}; empty when {@code dir} is absent or not Telar's own. Never
     * throws, never changes anything.
     */
    public static List<RunningJob> readLive(Path dir) {
        List<RunningJob> jobs = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return jobs;
        }
        try {
            RunDirectory.ensurePlace(dir); // present: only checked (ours, owner-only, not a symlink)
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "job-*.status")) {
                for (Path entry : entries) {
                    read(entry).ifPresent(jobs::add);
                }
            }
        } catch (IOException | RuntimeException e) { // UnsafePlaceException among them: not ours, not read
            return jobs;
        }
        jobs.sort(Comparator.comparingLong(RunningJob::pid));
        return jobs.size() > RunningJob.MAX_PER_HOST ? List.copyOf(jobs.subList(0, RunningJob.MAX_PER_HOST)) : jobs;
    }

    /** The job in {@code file} when it passes every check and its writer is alive. */
    static Optional<RunningJob> read(Path file) {
        return parse(file).filter(p -> p.owner().isAlive()).map(Parsed::job);
    }

    /** A status file's content, with its writer. */
    private record Parsed(ProcessIdentity owner, RunningJob job) {
    }

    /** The file's content when it is ours, named by its writer, well formed and of this PID namespace. */
    private static Optional<Parsed> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        try {
            if (!m.matches() || OwnFile.problem(file) != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<String> text = OwnFile.readSmall(file, MAX_BYTES);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = text.get().split("\n");
        try {
            Optional<ProcessIdentity> owner = ProcessIdentity.parse(value(lines, 1, "owner"));
            long namespace = Long.parseLong(value(lines, 2, "pidns"));
            if (!lines[0].equals(MAGIC) || owner.isEmpty() || !owner.get().text().equals(m.group(1) + ":" + m.group(2))
                    || (namespace != ProcessIdentity.pidNamespace() && namespace != 0 && ProcessIdentity.pidNamespace() != 0)) {
                return Optional.empty();
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (int i = 6; i < lines.length; i++) {
                String[] w = value(lines, i, "figure").split(" ");
                if (w.length != 2) {
                    return Optional.empty();
                }
                figures.put(w[0], Double.parseDouble(w[1]));
            }
            return Optional.of(new Parsed(owner.get(), new RunningJob(owner.get().pid(), value(lines, 3, "kind"),
                    value(lines, 5, "label"), Long.parseLong(value(lines, 4, "started")), figures)));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException bad) {
            return Optional.empty(); // NumberFormatException among them
        }
    }

    /** What line {@code i} says after its first word, which must be {@code word}. */
    private static String value(String[] lines, int i, String word) {
        if (!lines[i].startsWith(word + " ")) {
            throw new IllegalArgumentException("line " + (i + 1) + " is not '" + word + "'");
        }
        return lines[i].substring(word.length() + 1);
    }

    /**
     * Removes from {@code dir} the status files and half-written temp files of writers that have
     * died: only this user's regular files named so, whose writer (by name) is gone.
     *
     * @return the files removed
     */
    public static List<Path> removeStale(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    m = TEMP.matcher(name);
                }
                if (m.matches() && OwnFile.problem(entry) == null && Files.exists(entry, LinkOption.NOFOLLOW_LINKS)
                        && writerGone(m, entry)) {
                    Files.delete(entry);
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    /** True when the writer named by {@code m} has ended and, for a status file, the file says the same writer. */
    private static boolean writerGone(Matcher m, Path entry) {
        ProcessIdentity writer;
        try {
            writer = new ProcessIdentity(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (writer.isAlive()) {
            return false;
        }
        // A status file must be one of ours, well formed and of this PID namespace (else its writer cannot be checked);
        // a temp file holds a write cut short, whatever it holds.
        return entry.getFileName().toString().startsWith(".") || parse(entry).isPresent();
    }
}

package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories: owner-only, marked with their owner's identity, removed only when that owner is
 * dead; Telar's own place is made by Telar or refused, and nothing else is changed or deleted.
 */
class RunDirectoryTest {
    private static final int OTHER_UID = 65534;

    @TempDir
    Path parent;

    @Test
    void isOwnerOnlyMarkedWithItsOwnerAndGoneAfterClose() throws Exception {
        Path dir;
        try (RunDirectory run = RunDirectory.create(parent)) {
            dir = run.path();
            Files.writeString(run.resolve("queue.cq4"), "x".repeat(10_000));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(dir.getFileName().toString())
                    .isEqualTo("run-" + ProcessIdentity.current().pid() + "-" + ProcessIdentity.current().startTicks());
            assertThat(Files.readString(run.resolve(RunDirectory.MARKER)))
                    .isEqualTo(ProcessIdentity.current().text() + "\npidns " + ProcessIdentity.pidNamespace() + "\n");
            assertThat(run.bytesOnDisk()).isGreaterThanOrEqualTo(10_000);
        }
        assertThat(dir).doesNotExist();
        assertThat(parent).isDirectory();
    }

    /** A run directory as an earlier Telar would have left it: a marker naming {@code owner}. */
    private Path leftBehind(String name, ProcessIdentity owner, long namespace) throws IOException {
        Path d = Files.createDirectory(parent.resolve(name));
        Files.writeString(d.resolve(RunDirectory.MARKER), owner.text() + "\npidns " + namespace + "\n");
        Files.writeString(d.resolve("data"), "left behind");
        return d;
    }

    @Test
    void aLaterStartRemovesOnlyMarkedDirectoriesOfDeadOwners() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long ns = ProcessIdentity.pidNamespace();
        Path dead = leftBehind("run-" + gone.pid() + "-5", new ProcessIdentity(gone.pid(), 5), ns);
        // this JVM's pid with another start time: a recycled pid, so its owner is dead
        ProcessIdentity me = ProcessIdentity.current();
        Path recycled = leftBehind("run-" + me.pid() + "-7", new ProcessIdentity(me.pid(), me.startTicks() + 1), ns);
        ProcessIdentity live = ProcessIdentity.of(ProcessHandle.current().parent().orElseThrow().pid()).orElseThrow();
        Path alive = leftBehind("run-" + live.pid() + "-" + live.startTicks(), live, ns);
        Path otherNamespace = leftBehind("run-" + gone.pid() + "-6", new ProcessIdentity(gone.pid(), 5), ns + 1);
        Path unmarked = Files.createDirectory(parent.resolve("run-1-2"));
        Path userFile = Files.writeString(parent.resolve("run-1-2.txt"), "a user's notes");
        Path target = leftBehind("elsewhere", new ProcessIdentity(gone.pid(), 5), ns);
        Path link = Files.createSymbolicLink(parent.resolve("run-" + gone.pid() + "-9"), target);

        try (RunDirectory run = RunDirectory.create(parent)) {
            assertThat(dead).doesNotExist();
            assertThat(recycled).doesNotExist();
            assertThat(alive.resolve("data")).as("its owner lives").exists();
            assertThat(otherNamespace.resolve("data")).as("owner cannot be checked from here").exists();
            assertThat(unmarked).as("no marker: not Telar's").isDirectory();
            assertThat(userFile).hasContent("a user's notes");
            assertThat(Files.isSymbolicLink(link)).as("a symlink is never followed or removed").isTrue();
            assertThat(target.resolve("data")).exists();
            // A second run of this live process gets its own directory and keeps the first.
            try (RunDirectory second = RunDirectory.create(parent)) {
                assertThat(second.path()).isNotEqualTo(run.path());
                assertThat(run.path()).exists();
            }
        }
        assertThat(RunDirectory.removeStale(parent)).isEqualTo(List.of());
    }

    /**
     * A process killed while making its run directory leaves a staging directory (the fault suite
     * hit this); the next start removes it when its creator is dead and it holds only a marker.
     */
    @Test
    void aHalfMadeRunDirectoryOfADeadCreatorIsRemovedAndNothingElse() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadName = ".new-run-" + gone.pid() + "-5";
        Path empty = Files.createDirectory(parent.resolve(deadName));
        Path marked = Files.createDirectory(parent.resolve(deadName + ".1"));
        Files.writeString(marked.resolve(RunDirectory.MARKER), "4");  // a marker cut short by the kill
        Path withData = Files.createDirectory(parent.resolve(deadName + ".2"));
        Files.writeString(withData.resolve("notes"), "not what a creator writes");
        ProcessIdentity live = ProcessIdentity.of(ProcessHandle.current().parent().orElseThrow().pid()).orElseThrow();
        Path liveOne = Files.createDirectory(parent.resolve(".new-run-" + live.pid() + "-" + live.startTicks()));

        try (RunDirectory run = RunDirectory.create(parent)) {
            assertThat(empty).doesNotExist();
            assertThat(marked).doesNotExist();
            assertThat(withData.resolve("notes")).as("holds more than a marker").exists();
            assertThat(liveOne).as("its creator lives").isDirectory();
            assertThat(run.path().resolve(RunDirectory.MARKER)).as("a run directory appears with its marker").exists();
            assertThat(run.path().getFileName().toString()).startsWith("run-");
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(deadName + ".2", liveOne.getFileName().toString());
        }
    }

    @Test
    void aMarkerThatIsASymlinkOrGarbageMarksNothing() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path victim = Files.writeString(parent.resolve("victim"), new ProcessIdentity(gone.pid(), 5).text()
                + "\npidns " + ProcessIdentity.pidNamespace() + "\n");
        Path linked = Files.createDirectory(parent.resolve("run-" + gone.pid() + "-1"));
        Files.createSymbolicLink(linked.resolve(RunDirectory.MARKER), victim);
        Path garbage = Files.createDirectory(parent.resolve("run-" + gone.pid() + "-2"));
        Files.writeString(garbage.resolve(RunDirectory.MARKER), "not a marker");
        assertThat(RunDirectory.removeStale(parent)).isEmpty();
        assertThat(linked).isDirectory();
        assertThat(garbage).isDirectory();
    }

    /** Mode, owner and entries (with their modes and owners) of a directory, to compare before and after. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put(".", describe(dir));
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                out.put(p.getFileName().toString(), describe(p)
                        + (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? " " + Files.readString(p) : ""));
            }
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        return Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) + " "
                + Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** The user's situation of the bug report: a shared 0755 directory holding their own entries. */
    static Path sharedUserDirectory(Path where) throws IOException {
        Path shared = Files.createDirectory(where.resolve("shareddir"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("run-1-2.txt"), "the user's file");
        Path foreign = Files.createDirectory(shared.resolve("run-1-2"));
        Files.writeString(foreign.resolve(RunDirectory.MARKER), "1:2\npidns " + ProcessIdentity.pidNamespace() + "\n");
        if (RunDirectory.effectiveUid() == 0) {
            Files.setAttribute(foreign, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
        }
        return shared;
    }

    @Test
    void aUsersDirectoryOnlyReceivesTelarsOwnSubdirectory() throws Exception {
        Path shared = sharedUserDirectory(parent);
        Map<String, String> before = snapshot(shared);
        Map<String, String> foreignBefore = snapshot(shared.resolve("run-1-2"));
        Path own = RunDirectory.placeIn(shared);
        try (RunDirectory run = RunDirectory.create(own)) {
            assertThat(run.path().getParent()).isEqualTo(own);
        }
        Map<String, String> after = snapshot(shared);
        assertThat(after.remove(own.getFileName().toString())).isEqualTo("16832 " + RunDirectory.effectiveUid()); // 040700
        assertThat(after).isEqualTo(before);
        assertThat(snapshot(shared.resolve("run-1-2"))).isEqualTo(foreignBefore);
    }

    @Test
    void aUsersOpenDirectoryGivenAsThePlaceItselfIsRefusedAndLeftAlone() throws Exception {
        Path shared = sharedUserDirectory(parent);
        Map<String, String> before = snapshot(shared);
        assertRefused(() -> RunDirectory.create(shared), Problem.of(ProblemCode.PLACE_OPEN, shared, "0755"));
        assertThat(snapshot(shared)).isEqualTo(before);
    }

    @Test
    void aPlaceThatIsASymlinkIsRefused() throws Exception {
        Path real = Files.createDirectory(parent.resolve("real"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(parent.resolve("telar-someone"), real);
        assertRefused(() -> RunDirectory.create(link), Problem.of(ProblemCode.PLACE_SYMLINK, link));
        try (Stream<Path> s = Files.list(real)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aPlaceOpenToOthersIsRefusedAndNotChanged() throws Exception {
        Path open = Files.createDirectory(parent.resolve("telar-open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertRefused(() -> RunDirectory.ensurePlace(open), Problem.of(ProblemCode.PLACE_OPEN, open, "0777"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void aPlaceOfAnotherUserIsRefused() throws Exception {
        assumeTrue(RunDirectory.effectiveUid() == 0, "giving a directory to another user needs root");
        Path theirs = Files.createDirectory(parent.resolve("telar-theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(theirs, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
        assertRefused(() -> RunDirectory.ensurePlace(theirs), Problem.of(ProblemCode.PLACE_FOREIGN, theirs, 65534, 0));
        assertThat(Files.getAttribute(theirs, "unix:uid")).isEqualTo(OTHER_UID);
    }

    @Test
    void aPlaceInADirectoryOthersMayWriteIsRefusedUnlessThatIsSticky() throws Exception {
        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertRefused(() -> RunDirectory.ensurePlace(open.resolve("telar-x")),
                Problem.of(ProblemCode.PLACE_IN_OPEN, open.resolve("telar-x"), open));
        Files.setAttribute(open, "unix:mode", 01777);
        assertThat(RunDirectory.ensurePlace(open.resolve("telar-x"))).isDirectory();
    }

    @Test
    void defaultParentPrefersTheRuntimeDirectory() {
        assertThat(RunDirectory.defaultParent(Map.of("XDG_RUNTIME_DIR", parent.toString())))
                .isEqualTo(parent.resolve("telar"));
        assertThat(RunDirectory.defaultParent(Map.of("XDG_RUNTIME_DIR", "/nonexistent", "USER", "ana")).getFileName())
                .hasToString("telar-ana");
    }

    /**
     * A plain user (uid 65534, started with setpriv) whose fallback place {@code <tmp>/telar-nobody}
     * is a symlink, root's, or open to others is refused with one line; when absent it is made 0700.
     */
    @Test
    @Timeout(90)
    void aPlainUsersFallbackPlaceIsRefusedWhenUnsafe() throws Exception {
        assumeTrue(Unprivileged.available(), "needs root and /usr/bin/setpriv to start a JVM as uid 65534");
        Path tmp = Files.createDirectory(parent.resolve("tmp"));
        Files.setAttribute(tmp, "unix:mode", 01777); // like /tmp
        Path place = tmp.resolve("telar-nobody");
        Map<String, String> env = Map.of("USER", "nobody", "PATH", "/usr/bin:/bin");
        List<String> flags = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp);

        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.setAttribute(elsewhere, "unix:uid", Unprivileged.UID);
        Files.createSymbolicLink(place, elsewhere);
        Unprivileged.Result r = probe(env, flags);
        assertThat(Problem.fromLine(r.out())).contains(Problem.of(ProblemCode.PLACE_SYMLINK, place));
        assertThat(r.code()).isEqualTo(3);
        Files.delete(place);

        Files.createDirectory(place, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        r = probe(env, flags);
        assertThat(Problem.fromLine(r.out())).contains(Problem.of(ProblemCode.PLACE_FOREIGN, place, 0, 65534));
        assertThat(r.code()).isEqualTo(3);

        Files.setAttribute(place, "unix:uid", Unprivileged.UID);
        Files.setAttribute(place, "unix:mode", 0770);
        r = probe(env, flags);
        assertThat(Problem.fromLine(r.out())).contains(Problem.of(ProblemCode.PLACE_OPEN, place, "0770"));
        assertThat(r.code()).isEqualTo(3);
        Files.delete(place);

        r = probe(env, flags);
        assertThat(r.out()).isEqualTo("ok " + place);
        assertThat(r.code()).isZero();
        assertThat(Files.getAttribute(place, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(Unprivileged.UID);
        assertThat(Files.getAttribute(place, "unix:mode", LinkOption.NOFOLLOW_LINKS)).isEqualTo(040700);
    }

    /** {@code call} is refused with exactly {@code why}. */
    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem why) {
        assertThatThrownBy(call).isInstanceOf(UnsafePlaceException.class)
                .extracting(e -> ((UnsafePlaceException) e).problem()).isEqualTo(why);
    }

    private Unprivileged.Result probe(Map<String, String> env, List<String> flags) throws Exception {
        return Unprivileged.run(parent, env, flags, PlaceProbe.class, List.of("default"), RunDirectory.class, ProcessIdentity.class);
    }
}

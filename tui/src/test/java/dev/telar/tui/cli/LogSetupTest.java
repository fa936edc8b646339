package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.proc.JvmCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheLogFileOptionInBothSpellings() {
        assertThat(LogSetup.requestedLogFile(new String[] {"--refresh", "2", "--log-file", "/a/b.log"})).contains(Path.of("/a/b.log"));
        assertThat(LogSetup.requestedLogFile(new String[] {"--log-file=/c.log", "snapshot"})).contains(Path.of("/c.log"));
        assertThat(LogSetup.requestedLogFile(new String[] {"snapshot", "--json"})).isEmpty();
        assertThat(LogSetup.requestedLogFile(new String[] {"--log-file"})).isEmpty();
        assertThat(LogSetup.requestedLogFile(new String[] {"--", "--log-file", "x"})).isEmpty();
    }

    @Test
    void createsTheDirectoryOfTheLogFile() {
        Path wanted = tmp.resolve("state/telar/telar.log");
        assertThat(LogSetup.firstWritable(wanted, tmp.resolve("fallback.log"))).isEqualTo(wanted);
        assertThat(wanted).isRegularFile();
    }

    @Test
    void fallsBackWhenTheDirectoryCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path fallback = tmp.resolve("fallback.log");
        assertThat(LogSetup.firstWritable(blocker.resolve("telar/telar.log"), fallback)).isEqualTo(fallback);
    }

    @Test
    void neverFallsBackToTheTerminal() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("file"), "x");
        assertThat(LogSetup.firstWritable(blocker.resolve("a.log"), blocker.resolve("b.log"))).isEqualTo(Path.of("/dev/null"));
    }

    @Test
    void aLargeLogIsMovedAsideAtStartSoTheLogStaysBounded() throws IOException {
        Path log = tmp.resolve("telar.log");
        Files.write(log, new byte[(int) LogSetup.ROLL_BYTES]);
        Files.writeString(tmp.resolve("telar.log.1"), "older");
        assertThat(LogSetup.firstWritable(log)).isEqualTo(log);
        assertThat(log).isEmptyFile();
        assertThat(Files.size(tmp.resolve("telar.log.1"))).isEqualTo(LogSetup.ROLL_BYTES);
        Files.writeString(log, "small");
        assertThat(LogSetup.firstWritable(log)).isEqualTo(log);
        assertThat(log).hasContent("small");
    }

    /** A symlink an attacker planted where the log goes, pointing at a file they want overwritten. */
    @Test
    void aLogPathThatIsASymlinkIsRefusedAndItsTargetUntouched() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Path planted = Files.createSymbolicLink(tmp.resolve("telar.log"), victim);
        Path fallback = tmp.resolve("fallback.log");
        assertThat(LogSetup.firstWritable(planted, fallback)).isEqualTo(fallback);
        assertThat(victim).hasContent("precious");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
        assertThat(LogSetup.refusals()).contains("log file " + planted + " refused: it is a symlink");
    }

    @Test
    void aLargeLogIsNotMovedOntoAPlantedSymlink() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Path log = tmp.resolve("telar.log");
        Files.write(log, new byte[(int) LogSetup.ROLL_BYTES]);
        Path older = Files.createSymbolicLink(tmp.resolve("telar.log.1"), victim);
        assertThat(LogSetup.firstWritable(log)).isEqualTo(log);
        assertThat(victim).hasContent("precious");
        assertThat(Files.isSymbolicLink(older)).as("the planted link was neither followed nor replaced").isTrue();
        assertThat(Files.size(log)).as("not rolled").isEqualTo(LogSetup.ROLL_BYTES);
    }

    @Test
    void aLogOfAnotherUserOrWithAnotherHardLinkIsRefused() throws IOException {
        Path fallback = tmp.resolve("fallback.log");
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Path linked = Files.createLink(tmp.resolve("linked.log"), victim);
        assertThat(LogSetup.firstWritable(linked, fallback)).isEqualTo(fallback);
        assertThat(victim).hasContent("precious");
        if (RunDirectory.effectiveUid() == 0) {
            Path theirs = Files.writeString(tmp.resolve("theirs.log"), "their log");
            Files.setAttribute(theirs, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
            assertThat(LogSetup.firstWritable(theirs, fallback)).isEqualTo(fallback);
            assertThat(theirs).hasContent("their log");
            assertThat(LogSetup.refusals()).contains("log file " + theirs
                    + " refused: it belongs to uid 65534, not to this user (uid 0)");
        }
    }

    @Test
    void theFallbackIsInTelarsOwnPlaceOrNowhere() throws IOException {
        Path runtime = Files.createDirectory(tmp.resolve("runtime"));
        Environment env = CliTest.env(false, Map.of("XDG_RUNTIME_DIR", runtime.toString()));
        assertThat(LogSetup.fallbackFile(env)).isEqualTo(runtime.resolve("telar/telar.log"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("telar")))).isEqualTo("rwx------");
        Files.delete(runtime.resolve("telar"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(runtime.resolve("telar"), elsewhere);
        assertThat(LogSetup.fallbackFile(env)).as("a planted place is not used").isNull();
        Path notADirectory = Files.writeString(tmp.resolve("file-as-dir"), "x");
        assertThat(LogSetup.firstWritable(notADirectory.resolve("x"), LogSetup.fallbackFile(env)))
                .isEqualTo(Path.of("/dev/null"));
    }

    /** The whole start of Telar in its own JVM: the log really goes elsewhere and the victim is unchanged. */
    @Test
    @Timeout(60)
    void telarStartedWithAPlantedLogSymlinkLogsElsewhere() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Path planted = Files.createSymbolicLink(tmp.resolve("telar.log"), victim);
        Path runtime = Files.createDirectory(tmp.resolve("runtime"));
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                List.of("--log-file", planted.toString(), "--version"))).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(victim).hasContent("precious");
        assertThat(out).doesNotContain("refused");
        String log = Files.readString(runtime.resolve("telar/telar.log"));
        assertThat(log).contains("log file " + planted + " refused: it is a symlink").contains("telar ");
    }

    /**
     * SLF4J is set up on a side thread while Telar starts: the lines logged meanwhile on the main
     * thread still reach the log file, the start line first, and SLF4J prints nothing itself.
     */
    @Test
    @Timeout(60)
    void linesLoggedWhileLoggingStartsAsideLandInTheFileInOrder() throws Exception {
        Path log = tmp.resolve("aside.log");
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                List.of("--log-file", log.toString(), "--version")));
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).startsWith("telar " + TelarVersion.version() + "\n");
        assertThat(err).isEmpty();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).isNotEmpty();
        // Written when SLF4J is ready, by the thread that set it up, hence that thread's name.
        assertThat(lines.get(0)).contains(" INFO dev.telar.tui.cli.Telar - telar " + TelarVersion.version() + " on Java ")
                .endsWith("arguments [--log-file, " + log + ", --version]");
    }

    /**
     * Telar's processes share one log file (the manager, agents, the dashboard and its lab): a
     * second Telar appends to it, it never empties it.
     */
    @Test
    @Timeout(90)
    void aSecondTelarAppendsToTheLogInsteadOfEmptyingIt() throws Exception {
        Path log = tmp.resolve("shared.log");
        for (int run = 0; run < 2; run++) {
            ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                    List.of("--log-file", log.toString(), "--version")));
            pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(err).isEmpty();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.stream().filter(l -> l.contains(" INFO dev.telar.tui.cli.Telar - telar " + TelarVersion.version() + " on Java ")))
                .as("start lines in%n%s", String.join("\n", lines)).hasSize(2);
        assertThat(Files.readString(log)).doesNotContain("\0");
    }

    /**
     * Chronicle, when it loads, makes {@code <java.io.tmpdir>/target} unless told otherwise: a
     * directory Telar would leave in the shared {@code /tmp}. A headless exchange (Chronicle in the
     * command's JVM and in its child) run from a directory without {@code target} leaves none there.
     */
    @Test
    @Timeout(90)
    void chronicleMakesNoTargetDirectoryInTheTemporaryDirectory() throws Exception {
        Path temporary = Files.createDirectory(tmp.resolve("shared-tmp"));
        Path workDir = Files.createDirectory(tmp.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of("-Djava.io.tmpdir=" + temporary), "dev.telar.tui.cli.Telar",
                List.of("--log-file", tmp.resolve("chronicle.log").toString(), "run", "exchange", "--via", "pipe",
                        "--processes", "1", "--draws", "1000"))).directory(workDir.toFile());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        pb.environment().remove("XDG_RUNTIME_DIR");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(80, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(temporary.resolve("target")).doesNotExist();
        assertThat(workDir.resolve("target")).doesNotExist();
    }
}

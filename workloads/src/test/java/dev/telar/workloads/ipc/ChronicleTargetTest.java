package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.JvmCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Chronicle's load-time directories go, in fresh JVMs whose temporary directory is a
 * directory of the test's own (so the real {@code /tmp} is neither read nor changed).
 */
@Timeout(60)
class ChronicleTargetTest {
    @TempDir
    Path tmp;

    /**
     * The first Telar JVM on a machine, when Telar's place does not exist yet: Chronicle must not
     * make the place with the umask's mode (it did, and every later run was refused with the
     * place "open to others").
     */
    @Test
    void aPlaceThatDoesNotExistYetIsMadeOwnerOnlyBeforeChronicleLoads() throws Exception {
        Path place = tmp.resolve("telar-probe");
        String said = runProbe();
        assertThat(said).isEqualTo(place.resolve("chronicle").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place))).isEqualTo("rwx------");
        assertThat(RunDirectory.ensurePlace(place)).isEqualTo(place);
        assertThat(place.resolve("chronicle").resolve("tmp")).isDirectory();
        assertThat(tmp.resolve("target")).doesNotExist();
    }

    /** A place that is not safely Telar's own is not written in; the command needing it says why. */
    @Test
    void aPlaceOpenToOthersIsLeftAsItIs() throws Exception {
        Path place = Files.createDirectory(tmp.resolve("telar-probe"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(runProbe()).isEqualTo("none");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place))).isEqualTo("rwxr-xr-x");
        try (var inside = Files.list(place)) {
            assertThat(inside).isEmpty();
        }
    }

    private String runProbe() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of("-Djava.io.tmpdir=" + tmp),
                ChronicleTargetProbe.class.getName(), List.of())).directory(tmp.toFile());
        pb.environment().remove("XDG_RUNTIME_DIR");
        pb.environment().put("USER", "probe");
        pb.redirectError(tmp.resolve("probe.err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("probe.err"))).isZero();
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }
}

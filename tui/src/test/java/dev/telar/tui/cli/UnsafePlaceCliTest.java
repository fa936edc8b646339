package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A place for run directories that Telar cannot trust is refused by the CLI with one line naming
 * the directory and the fix, exit code 2, no stack trace, and nothing started or changed.
 */
class UnsafePlaceCliTest {
    @TempDir
    Path tmp;

    private CliTest.Run withIpcDir(Path ipc, String... args) throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, "ipc:\n  dir: " + ipc + "\n");
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliTest.run(CliTest.env(false, Map.of("TERM", "xterm", "HOME", tmp.toString())), all);
    }

    @Test
    void runExchangeRefusesAPlaceThatIsASymlink() throws Exception {
        Path ipc = Files.createDirectory(tmp.resolve("ipc"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path own = RunDirectory.placeIn(ipc);
        Files.createSymbolicLink(own, elsewhere);
        CliTest.Run r = withIpcDir(ipc, "run", "exchange", "--via", "pipe", "--processes", "2", "--draws", "1000");
        CliTest.assertOneUsageLine(r, "remove it or set ipc.dir");
        assertThat(r.err().strip()).isEqualTo("telar: " + own + " is a symlink; remove it or set ipc.dir / XDG_RUNTIME_DIR");
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s).as("nothing made through the link").isEmpty();
        }
    }

    @Test
    void benchIpcRefusesAPlaceOpenToOthers() throws Exception {
        Path ipc = Files.createDirectory(tmp.resolve("ipc"));
        Path own = Files.createDirectory(RunDirectory.placeIn(ipc));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliTest.Run r = withIpcDir(ipc, "bench", "ipc", "--messages", "100", "--only", "pipe");
        CliTest.assertOneUsageLine(r, "remove it or set ipc.dir");
        assertThat(r.err().strip()).isEqualTo("telar: " + own
                + " is open to group or others (mode 0777, Telar needs 0700); remove it or set ipc.dir / XDG_RUNTIME_DIR");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwxrwxrwx");
    }
}

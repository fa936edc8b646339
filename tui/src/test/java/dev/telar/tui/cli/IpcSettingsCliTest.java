package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.config.IpcSettings;
import dev.telar.tui.IpcPlace;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.mechanism.ExchangeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' ipc block: where exchange runs keep their files, and their disk cap. */
class IpcSettingsCliTest {
    @TempDir
    Path tmp;

    @Test
    void runExchangeKeepsItsFilesInTheSettingsDirectory() throws Exception {
        Path ipc = tmp.resolve("exchange-files");
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, "ipc:\n  dir: " + ipc + "\n  disk-cap-mb: 8\n");
        CliTest.Run r = CliTest.run(CliTest.env(false, Map.of("TERM", "xterm", "HOME", tmp.toString(),
                "XDG_RUNTIME_DIR", tmp.resolve("runtime").toString())), "--config", config.toString(),
                "run", "exchange", "--via", "queue", "--processes", "1", "--draws", "1000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out().strip());
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("bytes_on_disk").asLong()).isPositive();
        // The run directory was made in Telar's own subdirectory of ipc.dir (not under
        // $XDG_RUNTIME_DIR) and removed at the end; that subdirectory stays, empty.
        assertThat(ipc).isDirectory();
        try (Stream<Path> left = Files.list(ipc)) {
            assertThat(left).containsExactly(RunDirectory.placeIn(ipc));
        }
        try (Stream<Path> left = Files.list(RunDirectory.placeIn(ipc))) {
            assertThat(left).isEmpty();
        }
        assertThat(tmp.resolve("runtime")).doesNotExist();
    }

    @Test
    void theDiskCapIsTheSettingsRaisedToWhatAJournalNeeds() {
        Path dir = tmp.resolve("x");
        assertThat(IpcPlace.limits(new IpcSettings(dir, 512 * IpcSettings.MB)).diskCapBytes()).isEqualTo(512L << 20);
        assertThat(IpcPlace.limits(new IpcSettings(dir, IpcSettings.MB)).diskCapBytes())
                .isEqualTo(ExchangeLimits.MIN_DISK_CAP);
        assertThat(IpcPlace.limits(IpcSettings.DEFAULTS).capacity()).isEqualTo(ExchangeLimits.DEFAULT_CAPACITY);
        assertThat(IpcPlace.parentDir(new IpcSettings(dir, IpcSettings.MB), Map.of())).isEqualTo(RunDirectory.placeIn(dir));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", "/run/user/1000");
        assertThat(IpcPlace.parentDir(IpcSettings.DEFAULTS, env)).isEqualTo(RunDirectory.defaultParent(env));
    }
}

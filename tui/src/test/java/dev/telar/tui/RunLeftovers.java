package dev.telar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What runs may leave in a user's {@code ipc.dir}: only Telar's own place, and that empty. */
public final class RunLeftovers {
    private RunLeftovers() {
    }

    /** Telar's own place inside {@code ipcDir}, where the run directories go. */
    public static Path placeIn(Path ipcDir) {
        return RunDirectory.placeIn(ipcDir);
    }

    /**
     * Asserts that the runs left nothing in {@code ipcDir}: it holds Telar's own place
     * ({@link RunDirectory#placeIn}), if anything, and that place is empty.
     */
    public static void assertNothingLeftIn(Path ipcDir) throws IOException {
        Path own = RunDirectory.placeIn(ipcDir);
        try (Stream<Path> left = Files.list(ipcDir)) {
            assertThat(left).as("ipc.dir holds only Telar's own place").allMatch(own::equals);
        }
        if (Files.isDirectory(own)) {
            try (Stream<Path> left = Files.list(own)) {
                assertThat(left).as("run directories left in Telar's place").isEmpty();
            }
        }
    }

}

package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local list's own edges (its contract with other processes is {@code
 * shared.LocalFamilyContractTest}): its bound, and files that are not a list.
 */
class SharedListTest {
    @TempDir
    Path dir;

    @Test
    void aFullListRefusesTheAppendAndKeepsWhatItHas() {
        try (SharedList list = SharedList.create(dir.resolve("l"), 2)) {
            list.append(1);
            list.append(2);
            assertThatThrownBy(() -> list.append(3)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the shared list is full: 2 items");
            assertThat(list.size()).isEqualTo(2);
            assertThat(list.get(1)).isEqualTo(2);
            assertThat(list.lock().holder()).as("the lock given back after the refusal").isEmpty();
        }
    }

    @Test
    void aSecondOpeningSeesTheSameItems() {
        Path f = dir.resolve("l");
        try (SharedList made = SharedList.create(f, 10); SharedList opened = SharedList.open(f)) {
            made.append(-5);
            opened.append(Long.MAX_VALUE);
            assertThat(made.size()).isEqualTo(2);
            assertThat(made.get(1)).isEqualTo(Long.MAX_VALUE);
            assertThat(opened.get(0)).isEqualTo(-5);
            assertThat(opened.capacity()).isEqualTo(10);
        }
    }

    @Test
    void badCapacitiesAnExistingFileAndFilesThatAreNotAListAreRefused() throws Exception {
        assertThatThrownBy(() -> SharedList.create(dir.resolve("z"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be 1..");
        Path value = dir.resolve("v");
        SharedValue.create(value, NumberType.LONG, 7).close();
        assertThatThrownBy(() -> SharedList.create(value, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a file already exists");
        assertThatThrownBy(() -> SharedList.open(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a shared list");
        assertThatThrownBy(() -> SharedList.open(dir.resolve("none"))).hasMessageContaining("no shared list at");
        try (SharedValue v = SharedValue.open(value)) {
            assertThat(v.getLong()).as("the value's file left as it was").isEqualTo(7);
        }
        assertThat(Files.exists(dir.resolve("none"))).isFalse();
    }
}

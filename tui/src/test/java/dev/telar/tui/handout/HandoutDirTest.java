package dev.telar.tui.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout directory's rules on a real file system: files appear only at the commit, Telar's
 * own files are replaced by the next handout, anyone else's stop it, and a discarded handout
 * leaves the directory as it was (removed when Telar made it).
 */
@Timeout(30)
class HandoutDirTest {
    private static final List<String> NAMES = List.of("lesson-en.md", "lesson-en-race.png");

    @TempDir
    Path tmp;

    @Test
    void filesAppearAtTheCommitAndTheNextHandoutReplacesThem() throws Exception {
        Path dir = tmp.resolve("out");
        HandoutDir first = HandoutDir.open(dir, NAMES);
        Files.writeString(first.staging().resolve("lesson-en.md"), "first");
        assertThat(dir.resolve("lesson-en.md")).as("not before the commit").doesNotExist();
        first.commit();
        assertThat(dir.resolve("lesson-en.md")).hasContent("first");
        assertThat(dir.resolve(HandoutDir.MANIFEST)).hasContent("lesson-en.md");

        HandoutDir second = HandoutDir.open(dir, NAMES);
        Files.writeString(second.staging().resolve("lesson-en.md"), "second");
        Files.writeString(second.staging().resolve("lesson-en-race.png"), "png");
        second.commit();
        assertThat(dir.resolve("lesson-en.md")).hasContent("second");
        assertThat(Files.readAllLines(dir.resolve(HandoutDir.MANIFEST))).containsExactly("lesson-en-race.png",
                "lesson-en.md");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no staging directory left")
                    .containsExactlyInAnyOrder(HandoutDir.MANIFEST, "lesson-en.md", "lesson-en-race.png");
        }
    }

    @Test
    void aFileOfTheSameNameThatTelarDidNotWriteStopsTheHandout() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path theirs = Files.writeString(dir.resolve("lesson-en-race.png"), "theirs");
        assertThatThrownBy(() -> HandoutDir.open(dir, NAMES)).isInstanceOf(HandoutDir.Refused.class)
                .satisfies(e -> assertThat(((HandoutDir.Refused) e).key()).isEqualTo("cli.handout.foreign"))
                .satisfies(e -> assertThat(((HandoutDir.Refused) e).path()).isEqualTo(theirs));
        assertThat(theirs).hasContent("theirs");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(theirs);
        }
    }

    @Test
    void aDiscardedHandoutLeavesNothingAndRemovesTheDirectoryItMade() throws Exception {
        Path made = tmp.resolve("made");
        HandoutDir h = HandoutDir.open(made, NAMES);
        Files.writeString(h.staging().resolve("lesson-en.md"), "half");
        h.discard();
        h.discard();
        assertThat(made).doesNotExist();

        Path existing = Files.createDirectory(tmp.resolve("existing"));
        HandoutDir e = HandoutDir.open(existing, NAMES);
        Files.writeString(e.staging().resolve("lesson-en.md"), "half");
        e.discard();
        assertThat(existing).isEmptyDirectory();
        assertThatThrownBy(e::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommitWithNothingMadeFailsAndWritesNothing() throws Exception {
        Path dir = tmp.resolve("out");
        HandoutDir h = HandoutDir.open(dir, NAMES);
        assertThatThrownBy(h::commit).isInstanceOf(IOException.class);
        h.discard();
        assertThat(dir).doesNotExist();
    }
}

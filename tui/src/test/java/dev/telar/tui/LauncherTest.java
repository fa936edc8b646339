package dev.telar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ./telar launcher keeps its own copy of the Chronicle flags; it must match the pom's. */
class LauncherTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void launcherHasTheChronicleFlagsOfThePom() throws IOException {
        Matcher m = Pattern.compile("<chronicle\\.jvm\\.flags>(.*?)</chronicle\\.jvm\\.flags>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        List<String> pomFlags = Arrays.asList(m.group(1).trim().split("\\s+"));

        String launcher = Files.readString(ROOT.resolve("telar"));
        Matcher block = Pattern.compile("(?s)\\nflags=\\((.*?)\\n\\)").matcher(launcher);
        assertThat(block.find()).as("flags=( ... ) block in ./telar").isTrue();
        List<String> launcherFlags = Arrays.asList(block.group(1).trim().split("\\s+"));

        assertThat(launcherFlags).containsExactlyElementsOf(pomFlags);
    }

    @Test
    void launcherIsExecutableAndNamesNoRegistry() throws IOException {
        Path launcher = ROOT.resolve("telar");
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).doesNotContain("http://", "https://");
    }
}

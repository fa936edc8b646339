package dev.telar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ./telar launcher takes its JVM flags from jvm.flags, the one file the build and the child
 * JVMs read too; it writes none of its own. (JvmFlagsLauncherIT checks the command it builds.)
 */
class LauncherTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void launcherReadsJvmFlagsAndWritesNoFlagOfItsOwn() throws IOException {
        String launcher = Files.readString(ROOT.resolve("telar"));
        assertThat(launcher).contains("$root/jvm.flags");
        Matcher m = Pattern.compile("--add-(opens|exports)=\\S+|-XX:\\+UseSerialGC|-XX:TieredStopAtLevel").matcher(launcher);
        assertThat(m.find()).as("a flag written in the launcher instead of jvm.flags").isFalse();
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).doesNotContain("<chronicle.jvm.flags>");
    }

    @Test
    void launcherIsExecutableAndNamesNoRegistry() throws IOException {
        Path launcher = ROOT.resolve("telar");
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).doesNotContain("http://", "https://");
    }
}

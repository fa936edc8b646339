package dev.telar.workloads.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one flags file, {@code jvm.flags} at the repository's root, as the runtime reads it and as
 * the build passed it to this very JVM (the launcher's side: {@code JvmFlagsLauncherIT} in tui).
 */
class JvmFlagsTest {
    private static final Path REPO_FILE = Path.of("..", JvmFlags.FILE);

    @Test
    void theJarCarriesTheRepositorysFile() throws Exception {
        try (var in = JvmFlags.class.getResourceAsStream(JvmFlags.FILE)) {
            assertThat(in).as("jvm.flags beside JvmFlags").isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(REPO_FILE));
        }
    }

    @Test
    void theReaderReturnsTheFilesSetsForThisJava() throws Exception {
        Map<String, List<String>> file = JvmFlags.parse(Files.readString(REPO_FILE), Runtime.version().feature());
        assertThat(file).containsOnlyKeys("chronicle", "lean", "fast", "child", "lab");
        assertThat(JvmFlags.chronicle()).isEqualTo(file.get("chronicle"));
        assertThat(JvmFlags.lean()).isEqualTo(file.get("lean"));
        assertThat(JvmFlags.fast()).isEqualTo(file.get("fast"));
        assertThat(JvmFlags.child()).isEqualTo(file.get("child"));
        assertThat(JvmFlags.lab()).isEqualTo(file.get("lab")).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(ChildLauncher.CHILD_FLAGS).isEqualTo(file.get("child"));
        // What each set is for, as the launcher, the lab JVM and the children rely on it.
        assertThat(JvmFlags.fast()).containsExactly("-XX:+UseSerialGC");
        assertThat(JvmFlags.lean()).contains("-Xmx64m", "-XX:TieredStopAtLevel=1").doesNotContain("-Xshare:auto");
        assertThat(JvmFlags.chronicle()).contains("--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dchronicle.analytics.disable=true");
        assertThat(JvmFlags.chronicle().contains("--sun-misc-unsafe-memory-access=allow"))
                .isEqualTo(Runtime.version().feature() >= 23);
    }

    /** The build read the same file: surefire started this JVM with the chronicle set, in order. */
    @Test
    void theBuildGaveThisJvmTheFilesChronicleSet() {
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertThat(Collections.indexOfSubList(given, JvmFlags.chronicle())).as("%s in %s", JvmFlags.chronicle(), given)
                .isNotNegative();
    }

    @Test
    void aChildGetsTheChronicleSetAndItsOwnFlags() {
        List<String> command = JvmCommand.of(JvmFlags.child(), "Main", List.of("a"));
        assertThat(command.subList(1, 1 + JvmFlags.chronicle().size())).isEqualTo(JvmFlags.chronicle());
        assertThat(Collections.indexOfSubList(command, JvmFlags.child())).isGreaterThan(JvmFlags.chronicle().size());
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("Main", "a");
        assertThat(command).doesNotHaveDuplicates();
    }

    @Test
    void setsNamedWithAVersionCountFromThatJavaOn() {
        String text = "# a comment\n\nchronicle --a\nchronicle@23  --b\n  lean   -Xmx64m  \nchronicle@25 --c\n";
        assertThat(JvmFlags.parse(text, 17)).isEqualTo(Map.of("chronicle", List.of("--a"), "lean", List.of("-Xmx64m")));
        assertThat(JvmFlags.parse(text, 23).get("chronicle")).containsExactly("--a", "--b");
        assertThat(JvmFlags.parse(text, 25).get("chronicle")).containsExactly("--a", "--b", "--c");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        assertThatThrownBy(() -> JvmFlags.parse("lean -Xmx64m\nlean -Xms16m -Xmn4m\n", 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jvm.flags:2: expected SET FLAG, found 'lean -Xms16m -Xmn4m'");
        assertThatThrownBy(() -> JvmFlags.parse("chronicle@next --x\n", 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jvm.flags:1: 'chronicle@next' names no Java version");
    }
}

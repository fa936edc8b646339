package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.JvmFlags;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher, the build and the child JVMs take their flags from the one file, jvm.flags: the
 * real {@code ./telar}, asked for its command ({@code TELAR_DRY_RUN=1}), gives exactly the file's
 * sets for the Java it found, and failsafe started this JVM with the file's chronicle set.
 */
class JvmFlagsLauncherIT {
    @BeforeAll
    static void built() throws Exception {
        Launcher.warmUp();
    }

    @Test
    void theDashboardGetsTheChronicleAndLeanSetsThenTheArchive() throws Exception {
        List<String> command = dryRun();
        Map<String, List<String>> sets = JvmFlags.forJava(javaFeature(command.get(0)));
        List<String> expected = new ArrayList<>(sets.get("chronicle"));
        expected.addAll(sets.get("lean"));
        assertThat(command.subList(1, 1 + expected.size())).isEqualTo(expected);
        // Then only the start-up archive, the lines that keep its notices off the screen, and the jar.
        boolean aot = javaFeature(command.get(0)) >= 25;
        Path target = Launcher.path().getParent().resolve("tui/target");
        List<String> rest = new ArrayList<>(List.of(aot ? "-XX:AOTCache=" + target.resolve("telar.aot")
                : "-XX:SharedArchiveFile=" + target.resolve("telar.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (aot) {
            rest.add("-Xlog:aot=off");
        }
        rest.addAll(List.of("-Dtelar.stdout.tty=false", "-Dtelar.stdin.tty=false", "-jar", target.resolve("telar.jar").toString()));
        assertThat(command.subList(1 + expected.size(), command.size())).isEqualTo(rest);
    }

    @Test
    void runGetsTheFastSetInsteadOfTheLeanOne() throws Exception {
        List<String> command = dryRun("run", "cpu", "--workers", "2");
        Map<String, List<String>> sets = JvmFlags.forJava(javaFeature(command.get(0)));
        List<String> expected = new ArrayList<>(sets.get("chronicle"));
        expected.addAll(sets.get("fast"));
        assertThat(command.subList(1, 1 + expected.size())).isEqualTo(expected);
        assertThat(command).doesNotContain("-Xmx64m", "-XX:TieredStopAtLevel=1");
        assertThat(command.subList(command.size() - 4, command.size())).containsExactly("run", "cpu", "--workers", "2");
    }

    /** A handout runs every experiment of the lesson: fast, wherever the look options are; the lesson on screen stays lean. */
    @Test
    void aHandoutGetsTheFastSetAndTheInteractiveLessonTheLeanOne() throws Exception {
        for (List<String> args : List.of(List.of("lesson", "--handout", "out"), List.of("--lang", "es", "lesson", "--handout=out"))) {
            List<String> command = dryRun(args.toArray(String[]::new));
            Map<String, List<String>> sets = JvmFlags.forJava(javaFeature(command.get(0)));
            List<String> expected = new ArrayList<>(sets.get("chronicle"));
            expected.addAll(sets.get("fast"));
            assertThat(command.subList(1, 1 + expected.size())).as("%s", args).isEqualTo(expected);
            assertThat(command).as("%s", args).doesNotContain("-Xmx64m", "-XX:TieredStopAtLevel=1");
            assertThat(command.subList(command.size() - args.size(), command.size())).isEqualTo(args);
        }
        List<String> lesson = dryRun("lesson", "--autoplay", "20");
        Map<String, List<String>> sets = JvmFlags.forJava(javaFeature(lesson.get(0)));
        List<String> expected = new ArrayList<>(sets.get("chronicle"));
        expected.addAll(sets.get("lean"));
        assertThat(lesson.subList(1, 1 + expected.size())).isEqualTo(expected);
        // "--handout" before the subcommand is no handout (the main command has no such option): lean too.
        assertThat(dryRun("--handout", "lesson")).contains("-Xmx64m");
    }

    /** The build read the same file: failsafe started this JVM with the chronicle set, in order. */
    @Test
    void theBuildGaveThisJvmTheChronicleSet() {
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertThat(Collections.indexOfSubList(given, JvmFlags.chronicle())).as("%s in %s", JvmFlags.chronicle(), given)
                .isNotNegative();
    }

    /** The launcher's java command for {@code args}, one word a line, as TELAR_DRY_RUN prints it. */
    private static List<String> dryRun(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Launcher.path().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TELAR_DRY_RUN", "1");
        pb.environment().remove("TELAR_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher dry run ended").isTrue();
        assertThat(p.exitValue()).as("launcher dry run exit code").isZero();
        return out.lines().toList();
    }

    /** The feature version (17, 25) of a java executable, from its {@code -version} line. */
    private static int javaFeature(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
        assertThat(m.find()).as("a version in: %s", out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.probe.Probe;
import dev.telar.tui.text.Texts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The subcommands' own lines in Spanish, when the language their creator passes them is Spanish
 * (the options that choose it belong to the settings; here it is given directly).
 */
class SpanishCliTest {
    private record Output(int code, String out, String err) {
    }

    private static Output execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            return Cli.USAGE;
        });
        int code = cli.execute(args);
        return new Output(code, out.toString(), err.toString());
    }

    @Test
    void runPrintsItsLineAndVerdictInSpanish() {
        Output r = execute(new RunCommand(() -> Language.ES), "cpu", "--model", "thread-target", "--workers", "2",
                "--size", "200000", "--baseline");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("cpu     sequential       real ").contains("secuencial: referencia, 4 tareas en");
        assertThat(lines[1]).startsWith("cpu     thread-target    real ").contains("2 hilos: ×");
    }

    @Test
    void sweepNamesTheFastestInSpanish() {
        Output r = execute(new SweepCommand(() -> Language.ES), "io", "--size", "1", "--tasks", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("más rápido: ").contains(" hilos, ");
    }

    @Test
    void snapshotExplainsItsOptionsInSpanish() {
        Output noJson = execute(new SnapshotCommand(Probe::live, () -> Language.ES));
        assertThat(noJson.code()).isEqualTo(Cli.USAGE);
        assertThat(noJson.err()).contains("snapshot necesita --json (JSON es el único formato de salida)");
        Output badCount = execute(new SnapshotCommand(Probe::live, () -> Language.ES), "--json", "--count", "0");
        assertThat(badCount.err()).contains("--count debe ser al menos 1; se dio 0");
    }

    @Test
    void anUnexpectedErrorIsOneSpanishLine() {
        String line = Errors.report(Thread.currentThread(), new IllegalStateException("boom"), Path.of("/x/telar.log"),
                Texts.of(Language.ES));
        assertThat(line).isEqualTo("telar: error inesperado: IllegalStateException: boom (detalles en /x/telar.log)");
    }

    @Test
    void theLanguageOptionAndVariableReachTheSubcommands() {
        CliTest.Run run = CliTest.run("--lang", "es", "run", "io", "--size", "1", "--tasks", "2", "--workers", "2",
                "--baseline");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("secuencial: referencia, 2 tareas en").contains("2 hilos: ×");
        CliTest.Run snapshot = CliTest.run(CliTest.env(false, java.util.Map.of("TERM", "xterm", "TELAR_LANG", "es",
                "XDG_CONFIG_HOME", "/nonexistent/telar-test-config")), "snapshot");
        assertThat(snapshot.code()).isEqualTo(Cli.USAGE);
        assertThat(snapshot.err()).contains("snapshot necesita --json");
        CliTest.Run english = CliTest.run("--lang", "en", "snapshot");
        assertThat(english.err()).contains("snapshot needs --json");
    }

    @Test
    void withoutALanguageTheCommandsSpeakEnglish() {
        Output noJson = execute(new SnapshotCommand(Probe::live));
        assertThat(noJson.err()).contains("snapshot needs --json");
    }
}

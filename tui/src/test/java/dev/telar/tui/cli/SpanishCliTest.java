package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.probe.Probe;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line in Spanish: the subcommands' own lines when the language their creator passes
 * them is Spanish, and help, usage errors, settings errors and the terminal checks when --lang,
 * TELAR_LANG, the settings file or the locale choose Spanish; English when nothing does.
 */
class SpanishCliTest {
    @TempDir
    Path tmp;

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

    /**
     * An environment with no settings file of its own (HOME and XDG_CONFIG_HOME in the temporary
     * directory), TERM=xterm, stdout a terminal or not, plus {@code pairs} (name, value...).
     */
    private Environment env(boolean terminal, String... pairs) {
        Map<String, String> vars = new HashMap<>(Map.of("TERM", "xterm", "HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return CliTest.env(terminal, vars);
    }

    @Test
    void langEsGivesSpanishHelp() {
        CliTest.Run root = run(env(false), "--lang", "es", "--help");
        assertThat(root.code()).isZero();
        assertThat(root.out()).startsWith("Uso: telar [-hV]")
                .contains("Muestra en vivo en el terminal la carga por núcleo", "--config=RUTA", "--refresh=SEGUNDOS",
                        "--lang=IDIOMA", "Muestra esta ayuda y termina.", "Órdenes:", "[ORDEN]",
                        "Ejecuta un experimento y escribe sus medidas.", "Registro: $XDG_STATE_HOME/telar/telar.log")
                .doesNotContain("Usage:", "Show this help", "Commands:", "Shows per-core load");
        CliTest.Run runHelp = run(env(false), "--lang", "es", "run", "--help");
        assertThat(runHelp.out()).startsWith("Uso: telar run").contains("CARGA", "cpu, io o matmul.", "--model=MODELO",
                "Ejecuta antes la referencia secuencial");
        assertThat(runHelp.out().replaceAll("\\s+", " ")).contains("(por defecto thread-target)",
                "exchange Suma muestras aleatorias en procesos hijos");
        assertThat(run(env(false), "--lang=es", "config", "--help").out())
                .contains("Comprueba el archivo, las variables TELAR_* y las");
        assertThat(run(env(false), "--lang", "es", "snapshot", "--help").out())
                .contains("--interval=SEGUNDOS", "(de 0.1 a 3600; por defecto 1)");
    }

    @Test
    void aBadOptionIsOneSpanishLineAndExitTwo() {
        CliTest.Run unknown = run(env(false), "--lang", "es", "--bogus");
        assertOneUsageLine(unknown, "telar: ");
        assertThat(unknown.err()).isEqualTo("telar: opción desconocida '--bogus' (véase 'telar --help')\n");
        assertThat(run(env(false), "--lang", "es", "run", "cpu", "--workers", "x").err()).isEqualTo("telar: valor no "
                + "válido para la opción '--workers': 'x' no es un número entero (véase 'telar run --help')\n");
        assertThat(run(env(false), "--lang", "es", "snapshot", "--json", "--refresh").err())
                .startsWith("telar: opción desconocida '--refresh' (véase 'telar snapshot --help')");
        assertThat(run(env(false), "--lang", "es", "--refresh").err())
                .isEqualTo("telar: falta el valor de la opción '--refresh' (SEGUNDOS) (véase 'telar --help')\n");
        assertThat(run(env(false), "--lang", "es", "run").err())
                .isEqualTo("telar: falta el parámetro 'CARGA' (véase 'telar run --help')\n");
        assertThat(run(env(false), "--lang", "es", "frobnicate").err()).isEqualTo("telar: orden desconocida "
                + "'frobnicate'; las órdenes son snapshot, run, sweep, config, bench, sync, manager, agent, fleet, lesson (véase 'telar --help')\n");
        assertThat(run(env(false), "--lang", "es", "config").err()).isEqualTo("telar: indique una de estas opciones: "
                + "--print-defaults, --path, --check (véase 'telar config --help')\n");
        assertThat(run(env(false), "--lang", "es", "run", "gpu").err())
                .startsWith("telar: carga desconocida 'gpu'; elija una de cpu, io, matmul (véase");
        assertThat(run(env(false), "--lang", "es", "run", "cpu", "--tasks", "0").err())
                .isEqualTo("telar: --tasks debe estar entre 1 y 10000; se dio 0 (véase 'telar run --help')\n");
        assertThat(run(env(false), "--lang", "es", "run", "matmul", "--size", "9000").err())
                .isEqualTo("telar: --size debe estar entre 1 y 8192; se dio 9000 (véase 'telar run --help')\n");
        assertThat(run(env(false), "--lang", "es", "run", "cpu", "--model", "gil", "--switch-ms", "0").err())
                .isEqualTo("telar: --switch-ms debe ser mayor que 0 y como mucho 1000; se dio 0.0 (véase 'telar run --help')\n");
        for (String[] args : new String[][] {{"--lang", "es", "--bogus"}, {"--lang", "es", "run", "cpu", "io"},
            {"--lang", "es", "sweep", "cpu", "--csv", "--json"}, {"--lang", "es", "run", "cpu", "--tasks", "1", "--tasks", "2"},
            {"--lang", "es", "snapshot", "--json", "--interval", "abc"}, {"--lang", "es", "--log-file="}}) {
            CliTest.Run r = run(env(false), args);
            assertOneUsageLine(r, "(véase 'telar");
            assertThat(r.err()).as("%s", String.join(" ", args)).doesNotContain("see '", "Unknown", "Invalid", "Missing");
        }
    }

    @Test
    void aSpanishLocaleIsEnoughWithoutLang() {
        Environment spanish = env(false, "LANG", "es_ES.UTF-8");
        assertThat(run(spanish, "--help").out()).startsWith("Uso: telar").contains("Muestra esta ayuda y termina.");
        assertThat(run(spanish, "--bogus").err()).isEqualTo("telar: opción desconocida '--bogus' (véase 'telar --help')\n");
        assertThat(run(env(false, "LANG", "en_US.UTF-8", "LC_ALL", "es_MX.UTF-8"), "--bogus").err())
                .startsWith("telar: opción desconocida");
        assertThat(run(env(false, "LANG", "es_ES.UTF-8", "LC_MESSAGES", "en_GB.UTF-8"), "--bogus").err())
                .startsWith("telar: unknown option");
        assertThat(run(env(false, "TELAR_LANG", "es"), "--help").out()).startsWith("Uso: telar");
        assertThat(run(spanish, "--lang", "en", "--help").out()).as("--lang beats the locale").startsWith("Usage: telar");
    }

    @Test
    void englishWhenNothingAsksForSpanish() {
        Environment french = env(false, "LANG", "fr_FR.UTF-8");
        CliTest.Run help = run(french, "--help");
        assertThat(help.out()).startsWith("Usage: telar [-hV]").contains("Show this help message and exit.", "Commands:",
                "--config=PATH").doesNotContain("Uso:", "Muestra");
        assertThat(run(french, "--bogus").err()).isEqualTo("telar: unknown option '--bogus' (see 'telar --help')\n");
        assertThat(run(french).err()).isEqualTo(TelarCommand.NOT_A_TERMINAL + System.lineSeparator());
        assertThat(run(env(false), "--help").out()).as("no locale at all").startsWith("Usage: telar");
        assertThat(run(french, "--lang", "fr", "--help").out()).as("a language Telar lacks").startsWith("Usage: telar");
    }

    @Test
    void theTerminalChecksSpeakSpanish() {
        CliTest.Run notATerminal = run(env(false, "LANG", "es_ES.UTF-8"));
        assertThat(notATerminal.code()).isEqualTo(Cli.USAGE);
        assertThat(notATerminal.err()).isEqualTo("telar: la salida estándar no es un terminal; use la orden sin "
                + "pantalla: telar snapshot --json" + System.lineSeparator());
        assertOneUsageLine(run(env(true, "TERM", "dumb"), "--lang", "es"), "TERM=dumb", "el panel no puede dibujarse",
                "telar snapshot --json");
        StringWriter err = new StringWriter();
        int code = DashboardStart.withoutOptions(env(false, "TELAR_LANG", "es"), tmp.resolve("t.log"),
                new PrintWriter(err, true));
        assertThat(code).as("plain telar").isEqualTo(2);
        assertThat(err.toString()).startsWith("telar: la salida estándar no es un terminal;");
        assertThat(Texts.of(Language.EN).get("cli.notterminal")).isEqualTo(TelarCommand.NOT_A_TERMINAL);
    }

    @Test
    void settingsErrorsSpeakSpanish() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "language: en\nrefersh: 2\n");
        CliTest.Run typo = run(env(false, "LANG", "es_ES.UTF-8"), "--config", file.toString());
        assertOneUsageLine(typo, "telar: ");
        // The broken file's own "language: en" is not trusted: the locale speaks.
        assertThat(typo.err()).isEqualTo("telar: " + file + ":2:1: clave desconocida 'refersh'; ¿quería decir 'refresh'?\n");
        assertThat(run(env(false), "--lang", "es", "--config", file.toString()).err())
                .startsWith("telar: " + file + ":2:1: clave desconocida");
        assertThat(run(env(false), "--lang", "es", "--theme", "pink").err())
                .isEqualTo("telar: --theme: tema desconocido 'pink'; use auto, dark, light o mono\n");
        assertThat(run(env(false, "TELAR_LANG", "es", "TELAR_REFRESH", "20"), "config", "--check").err())
                .isEqualTo("telar: TELAR_REFRESH: debe ser un número de segundos entre 0.25 y 10; se dio '20'\n");
        Path missing = tmp.resolve("nope.yaml");
        assertThat(run(env(false, "LANG", "es_ES.UTF-8"), "--config", missing.toString(), "run", "cpu").err())
                .isEqualTo("telar: no se puede leer " + missing + ": el archivo no existe; revise la ruta dada con --config\n");

        // Plain telar reads the usual file and the locale alone.
        Files.createDirectories(tmp.resolve("xdg/telar"));
        Files.writeString(tmp.resolve("xdg/telar/config.yaml"), "refresh: fast\n");
        StringWriter err = new StringWriter();
        int code = DashboardStart.withoutOptions(env(true, "LANG", "es_ES.UTF-8"), tmp.resolve("t.log"),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("telar: " + tmp.resolve("xdg/telar/config.yaml")
                + ":1:10: 'refresh' debe ser un número de segundos entre 0.25 y 10; se dio 'fast'" + System.lineSeparator());
    }

    @Test
    void theSettingsFilesLanguageChoosesHelpAndChecks() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "language: es\n");
        assertThat(run(env(false, "LANG", "en_US.UTF-8"), "--config", file.toString(), "--help").out()).startsWith("Uso: telar");
        assertThat(run(env(false, "LANG", "en_US.UTF-8"), "--config", file.toString(), "--bogus").err())
                .startsWith("telar: opción desconocida");
        CliTest.Run check = run(env(false), "--config", file.toString(), "config", "--check");
        assertThat(check.out()).isEqualTo(file + ": válido (refresh 1.0 s, language es, theme dark, ascii on, mouse on)\n");
        CliTest.Run none = run(env(false), "--lang", "es", "config", "--check");
        assertThat(none.out()).startsWith("no hay archivo en " + tmp.resolve("xdg/telar/config.yaml")
                + ", valen los valores por defecto (refresh 1.0 s, language es");
    }

    @Test
    void anUnexpectedFailureOfACommandIsASpanishLine() {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"--lang", "es", "snapshot", "--json", "--interval", "0.1"}, env(false),
                new PrintWriter(new StringWriter()), new PrintWriter(err), Path.of("/tmp/x.log"), () -> {
                    throw new IllegalStateException("no /proc here");
                });
        assertThat(code).isEqualTo(Cli.FAILURE);
        assertThat(err.toString()).isEqualTo("telar: error inesperado: IllegalStateException: no /proc here "
                + "(detalles en /tmp/x.log)\n");
    }

    @Test
    void runExchangeSpeaksSpanish() {
        CliTest.Run help = run(env(false), "--lang", "es", "run", "exchange", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).startsWith("Uso: telar run exchange")
                .contains("--via=MECANISMO", "Suma muestras aleatorias en procesos hijos", "Procesos hijos (por defecto 4)",
                        "para comprobar el total y dar la aceleración")
                .doesNotContain("Sums random", "Child processes");
        CliTest.Run bad = run(env(false), "--lang", "es", "run", "exchange", "--via", "carrier-pigeon");
        assertOneUsageLine(bad, "telar: ");
        assertThat(bad.err()).isEqualTo("telar: mecanismo desconocido 'carrier-pigeon'; elija uno de pipe, queue, "
                + "value, array, dict, manager-dict, manager-value (véase 'telar run exchange --help')\n");
        assertThat(run(env(false), "--lang", "es", "run", "exchange", "--via", "pipe", "--processes", "0").err())
                .isEqualTo("telar: --processes debe estar entre 1 y 64; se dio 0 (véase 'telar run exchange --help')\n");
        assertThat(run(env(false), "--lang", "es", "run").err())
                .isEqualTo("telar: falta el parámetro 'CARGA' (véase 'telar run --help')\n");
    }

    @Test
    void runExchangeTellsItsResultAndAKilledChildInSpanish() {
        Texts es = Texts.of(Language.ES);
        ExchangeSpec spec = new ExchangeSpec(Mechanism.PIPE, 2, 1000, RunSpec.SEED, ExchangeLimits.defaults());
        ChildReport ok = new ChildReport(0, 1233, Optional.of(new ChildExit(0)), 10, 10, 0.1);
        ChildReport killed = new ChildReport(1, 1234, Optional.of(new ChildExit(137)), 10, 3, Double.NaN);
        // The child's last words: its error in its own words (nothing better known).
        Problem why = Problem.because(Problem.of(ProblemCode.ERROR, "OutOfMemoryError: boom"),
                ProblemCode.EXCHANGE_CHILD_FAILED_SAYING, 1, 1234, 137, 3, 10);
        ExchangeResult failed = new ExchangeResult(spec, RunResult.Status.FAILED, why, 0.5, 0.2, Double.NaN, Double.NaN,
                List.of(ok, killed), 0);
        String text = ExchangeCommand.text(failed, Double.NaN, Double.NaN, es);
        assertThat(text).startsWith("pipe       2 procesos  fallida    real 0.500 s  arranque JVM 0.20 s")
                .endsWith("2 procesos por pipe: falló: el proceso 1 (pid 1234) terminó por la señal SIGKILL (9); "
                        + "se recibieron 3 de los 10 mensajes que envió (OutOfMemoryError: boom); no se da ningún total");
        assertThat(ExchangeCommand.failure(failed, Texts.of(Language.EN))).isEqualTo("process 1 (pid 1234) killed by "
                + "SIGKILL (9); 3 of the 10 messages it sent were received (OutOfMemoryError: boom); no total is reported");
        assertThat(ExchangeCommand.toJson(failed, Double.NaN, Double.NaN)).as("the JSON speaks English")
                .contains("\"message\":\"process 1 (pid 1234) killed by SIGKILL (9); 3 of the 10 messages");
        ExchangeResult done = new ExchangeResult(spec, RunResult.Status.COMPLETED, Problem.NONE, 0.5, 0.2, 0.9, 42.0,
                List.of(ok, ok), 0);
        assertThat(ExchangeCommand.verdict(done, 42.0, es))
                .isEqualTo("2 procesos por pipe: 0.50 s, el total es igual a la suma secuencial");
        assertThat(ExchangeCommand.verdict(done, 42.0)).as("the JSON's verdict stays English")
                .isEqualTo("2 processes via pipe: 0.50 s, total equals the sequential sum");
    }

    @Test
    void benchAndSyncSpeakSpanish() {
        CliTest.Run bench = run(env(false), "--lang", "es", "bench", "--help");
        assertThat(bench.code()).isZero();
        assertThat(bench.out()).startsWith("Uso: telar bench").contains("Mide los mecanismos de Telar", "Órdenes:")
                .doesNotContain("Measures");
        assertThat(run(env(false), "--lang", "es", "bench", "sync", "--help").out().replaceAll("\\s+", " "))
                .contains("Operaciones N", "(al menos 1000; por defecto 1000000)");
        assertThat(run(env(false), "--lang", "es", "bench").err())
                .isEqualTo("telar: bench necesita una suborden: sync, ipc, remote (véase 'telar bench --help')\n");
        assertThat(run(env(false), "--lang", "es", "bench", "ipc", "--messages", "5").err())
                .startsWith("telar: --messages debe estar entre 100 y 1000000000; se dio 5 (véase");
        assertThat(run(env(false), "--lang", "es", "sync", "--help").out().replaceAll("\\s+", " "))
                .contains("PRIMITIVA", "--mode=MODO", "Ejecuta el escenario de la clase").doesNotContain("Runs the");
        CliTest.Run bad = run(env(false), "--lang", "es", "sync", "mutex");
        assertOneUsageLine(bad, "telar: ");
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).isEqualTo("telar: primitiva desconocida 'mutex'; elija una de lock, rlock, semaphore, "
                + "condition, event, barrier (véase 'telar sync --help')\n");
        assertThat(run(env(false), "--lang", "es", "sync", "lock", "--lock", "maybe").err())
                .startsWith("telar: --lock debe ser on u off; se dio 'maybe'");
        CliTest.Run lock = run(env(false), "--lang", "es", "sync", "lock", "--size", "2000", "--workers", "2");
        assertThat(lock.code()).as(lock.err()).isZero();
        assertThat(lock.out()).matches("lock \\(hilos, 2 trabajadores, \\d+\\.\\d\\d s\\): con cerrojo: total "
                + "[\\d,]+ = el esperado, ninguna actualización perdida\\R");
        // The other scenarios' figures come from the same bundle text as the sync view's verdict.
        CliTest.Run barrier = run(env(false), "--lang", "es", "sync", "barrier", "--size", "200", "--workers", "2");
        assertThat(barrier.code()).as(barrier.err()).isZero();
        assertThat(barrier.out()).matches("barrier \\(hilos, 2 trabajadores, \\d+\\.\\d\\d s\\): 200 de 200 rondas al "
                + "compás, 0 salidas antes de tiempo\\R");
    }
}

package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.probe.Probe;
import dev.telar.tui.app.EarlySampler;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the {@code telar} command (the jar's main class). It sits with the command line
 * it starts, at the top of the tui's packages: nothing below depends on it.
 */
public final class Telar {
    private Telar() {
    }

    public static void main(String[] args) {
        // First of all: slf4j-simple reads its configuration when the first logger is created.
        Environment environment = Environment.system();
        Path logFile = LogSetup.configure(args, environment);
        // Setting up the logger (date formats, locale data) takes tens of milliseconds: it happens
        // beside the main thread's own start-up rather than in front of the first frame.
        LogSetup.initialiseAside();
        if (args.length == 0 && environment.stdoutIsTerminal()) {
            EarlySampler.start(); // the dashboard's first loads, sampled while it starts
        }
        // The language of an error line is worked out only when there is an error to report.
        Supplier<Language> language = () -> CliLanguage.of(args, environment);
        Errors.installUncaughtHandler(logFile, language);
        int code;
        try {
            LoggerFactory.getLogger(Telar.class).info("telar {} on Java {}, arguments {}",
                    TelarVersion.version(), Runtime.version(), Arrays.asList(args));
            for (String refusal : LogSetup.refusals()) {
                LoggerFactory.getLogger(Telar.class).warn("{}", refusal);
            }
            Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
            PrintWriter out = new PrintWriter(new OutputStreamWriter(WatchedOutput.standardOutput(), charset), true);
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
            // Plain "telar", the usual start, needs no option parsing: building the command line
            // (reflection over every subcommand) would delay the first frame by a fifth of a second.
            code = args.length == 0
                    ? DashboardStart.withoutOptions(environment, logFile, err)
                    : Cli.execute(args, environment, out, err, logFile, Probe::live);
        } catch (Throwable t) {
            System.err.println(Errors.report(Thread.currentThread(), t, logFile, Errors.texts(language)));
            code = Cli.FAILURE;
        }
        LogSetup.finishAside(LogSetup.BEGIN_WAIT_MS);
        System.exit(code);
    }
}

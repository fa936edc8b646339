package dev.telar.tui.cli;

import dev.telar.config.Settings;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.ManagerTls;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code telar manager serve [--listen ADDR:PORT] [--key-file FILE] [--tls FILE]}: runs a manager (an embedded
 * ZooKeeper server that lets in only holders of the key) until Ctrl-C, SIGTERM or SIGHUP, then
 * stops it and exits 0. Prints one line with its address and where the key is. The key: the file
 * named, else the variable {@value ManagerKey#VARIABLE}, else {@code manager.key} in the state
 * directory, generated there owner-only when missing. With {@code --tls} the port speaks only TLS,
 * with the key store the settings file names ({@link ManagerTls}). A bad option or key is one line and exit 2;
 * a manager that cannot start (address in use) one line and exit 1.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class ManagerServeCommand implements Callable<Integer> {
    private static final String[] STOP_SIGNALS = {"INT", "TERM", "HUP"};

    @Spec
    private CommandSpec spec;

    // Descriptions: "telar.manager.serve.*" in the usage bundles.
    @Option(names = "--listen", paramLabel = "${bundle:label.address:-ADDR:PORT}")
    private String listen;

    @Option(names = "--key-file", paramLabel = "${bundle:label.path:-PATH}")
    private Path keyFile;

    @Option(names = "--tls", paramLabel = "${bundle:label.path:-PATH}")
    private Path tlsFile;

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, null);
        InetSocketAddress address = listen == null ? ManagerServer.defaultListen() : parseListen(listen, texts);
        Function<String, String> env = ManagerOptions.variables(spec);
        Path state = Settings.stateDirectory(env);
        ManagerKey key;
        ManagerServer.Options options = ManagerServer.Options.defaults();
        try {
            if (tlsFile != null) {
                options = options.withTls(ManagerTls.read(tlsFile));
            }
            key = keyFile != null ? ManagerKey.read(keyFile)
                    : ManagerKey.fromEnvironment(env).orElseGet(() -> ManagerKey.readOrCreate(ManagerKey.defaultFile(state)));
        } catch (ProblemException e) {
            throw new ParameterException(spec.commandLine(), Problems.text(e.problem(), texts));
        }
        CountDownLatch stop = new CountDownLatch(1);
        // The signals end the wait below, so the server is closed on this thread and the exit
        // code is 0; the JVM's own handling would exit with 130 or 143 from a shutdown hook.
        List<Runnable> restore = catchStopSignals(stop);
        ManagerServer server;
        try {
            server = ManagerServer.start(address, ManagerServer.defaultDirectory(state), key, options);
        } catch (ProblemException e) {
            restore.forEach(Runnable::run); // a key store the TLS settings name but that is not there
            throw new ParameterException(spec.commandLine(), Problems.text(e.problem(), texts));
        } catch (ProblemFailure e) {
            restore.forEach(Runnable::run);
            spec.commandLine().getErr().println("telar: " + Errors.oneLine(Problems.text(e.problem(), texts)));
            return Cli.FAILURE;
        }
        Thread closer = new Thread(server::close, "telar-manager-close"); // other exits (System.exit, a signal not caught)
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(tlsFile == null ? texts.format("cli.manager.listening", server.connectString(), key.source())
                    : texts.format("cli.manager.listening.tls", server.connectString(), key.source(), tlsFile));
            out.flush();
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
                server.close();
            } catch (IllegalStateException shuttingDown) {
                // the hook is closing it
            }
            restore.forEach(Runnable::run);
        }
        LoggerFactory.getLogger(ManagerServeCommand.class).info("manager stopped by a signal");
        return 0;
    }

    /**
     * {@code HOST:PORT} (an IPv6 host in brackets), port 0 to 65535 (0: any free port).
     *
     * @throws ParameterException one line naming the value
     */
    private InetSocketAddress parseListen(String value, Texts texts) {
        int colon = value.lastIndexOf(':');
        String host = colon > 0 ? value.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (host.isEmpty() || port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException | UnknownHostException bad) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.manager.listen.bad", value));
        }
    }

    /** Makes Ctrl-C, SIGTERM and SIGHUP count {@code stop} down; returns how to put the previous handlers back. */
    static List<Runnable> catchStopSignals(CountDownLatch stop) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : STOP_SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> stop.countDown());
                restore.add(() -> Signal.handle(signal, before));
            } catch (IllegalArgumentException taken) {
                // the JVM reserves it (-Xrs): the shutdown hook closes the server instead
            }
        }
        return restore;
    }
}

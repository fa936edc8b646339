package dev.telar.tui.cli;

import com.googlecode.lanterna.TerminalSize;
import dev.telar.probe.Probe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the classes a normal run uses, without a terminal, so that the launcher can record them in
 * a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) and later runs start faster.
 * Loads (without initialising) every class of Telar's own jar and of Lanterna except its Swing/AWT
 * emulators, then takes one real headless snapshot.
 */
final class CdsWarmup {
    private CdsWarmup() {
    }

    static int run() throws InterruptedException {
        ClassLoader loader = CdsWarmup.class.getClassLoader();
        loadAll(CdsWarmup.class, loader);
        loadAll(TerminalSize.class, loader);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return Cli.execute(new String[] {"snapshot", "--json", "--interval", "0.1"}, Environment.system(),
                sink, sink, null, Probe::live);
    }

    private static void loadAll(Class<?> anchor, ClassLoader loader) {
        Path jar;
        try {
            jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            return; // classes directory (tests, IDE): nothing worth archiving
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-info") || name.contains("/swing/")
                        || name.contains("/awt/") || name.startsWith("META-INF/")) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // optional parts (e.g. classes for another platform) simply stay out of the archive
                }
            }
        } catch (IOException e) {
            // no archive content from this jar; the launcher still works without it
        }
    }
}

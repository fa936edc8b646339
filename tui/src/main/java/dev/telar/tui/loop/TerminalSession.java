package dev.telar.tui.loop;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the terminal back exactly once, whoever asks first: the normal quit path, the error path
 * or the JVM shutdown hook (SIGTERM, SIGHUP, SIGINT from {@code kill}).
 *
 * <p>Restoring means: stop the screen (leaves the alternate screen, resets colours, shows the
 * cursor), then close the terminal (Lanterna puts back the stty settings saved at start: echo,
 * canonical mode, the interrupt character). Thread-safe; {@link #restore()} never throws.
 */
public final class TerminalSession {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSession.class);

    private final Terminal terminal;
    private final AtomicBoolean restored = new AtomicBoolean();
    private volatile TerminalScreen screen;

    /** @param terminal the terminal taken over, restored by {@link #restore()} */
    public TerminalSession(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Records the screen once it exists, so {@link #restore()} stops it too. */
    public void attach(TerminalScreen screen) {
        this.screen = screen;
    }

    /** True once the terminal was given back. */
    public boolean restored() {
        return restored.get();
    }

    /** A shutdown hook that restores this session; register it with the JVM. */
    public Thread shutdownHook() {
        return new Thread(this::restore, "telar-restore");
    }

    /** Restores the terminal the first time it is called; later calls do nothing. */
    public void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        TerminalScreen s = screen;
        if (s != null) {
            try {
                // Do not drain pending input: the input thread holds the reader, and a hung-up tty would fail.
                s.stopScreen(false);
            } catch (IOException | RuntimeException e) {
                LOG.debug("stopping the screen failed", e);
            }
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // During JVM shutdown Lanterna cannot remove its own hook (IllegalStateException) after
            // it restored the stty settings; nothing is lost.
            LOG.debug("closing the terminal: {}", e.toString());
        }
    }
}

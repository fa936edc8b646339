package dev.telar.tui.loop;

import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the terminal back exactly once, whoever asks first: the normal quit path, the error path
 * or the JVM shutdown hook (SIGTERM, SIGHUP, SIGINT from {@code kill}).
 *
 * <p>Restoring means: stop mouse reporting (else the shell would receive every later click as
 * garbage text), leave the full screen (resets colours, shows the cursor, leaves the alternate
 * screen), then close the terminal (Lanterna puts back the stty settings saved at start: echo,
 * canonical mode, the interrupt character). Thread-safe; {@link #restore()} never throws.
 */
public final class TerminalSession {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSession.class);

    private final Terminal terminal;
    private final boolean mouse;
    private final AtomicBoolean restored = new AtomicBoolean();
    private volatile boolean fullScreen;

    /** @param terminal the terminal taken over, restored by {@link #restore()}; no mouse reporting */
    public TerminalSession(Terminal terminal) {
        this(terminal, false);
    }

    /**
     * @param terminal the terminal taken over, restored by {@link #restore()}
     * @param mouse    true: ask the terminal to report clicks (press and release, and the wheel)
     *                 while in full screen; only terminals that speak xterm's mouse protocol can
     */
    public TerminalSession(Terminal terminal, boolean mouse) {
        this.terminal = terminal;
        this.mouse = mouse && terminal instanceof ExtendedTerminal;
    }

    /**
     * Switches the terminal to the alternate screen with the cursor hidden, reporting clicks when
     * asked; {@link #restore()} switches back.
     */
    public void enterFullScreen() throws IOException {
        fullScreen = true;
        if (mouse) {
            // Lanterna sends the request as it enters private mode, and stops it as it leaves.
            ((ExtendedTerminal) terminal).setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
        }
        terminal.enterPrivateMode();
        terminal.setCursorVisible(false);
        terminal.clearScreen();
        terminal.flush();
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
        if (fullScreen) {
            try {
                // Do not drain pending input: the input thread holds the reader, and a hung-up tty would fail.
                if (mouse) {
                    // Said outright, first: should leaving private mode fail half-way, clicks stop anyway.
                    ((ExtendedTerminal) terminal).setMouseCaptureMode(null);
                }
                terminal.resetColorAndSGR();
                terminal.setCursorVisible(true);
                terminal.exitPrivateMode();
                terminal.flush();
            } catch (IOException | RuntimeException e) {
                LOG.debug("leaving the full screen failed", e);
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

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
 * or the JVM shutdown hook (SIGTERM, SIGHUP, SIGINT from {@code kill}); and lends it to the shell
 * for a while on Ctrl-Z ({@link #suspend()}, {@link #resume()}).
 *
 * <p>Restoring means: stop mouse reporting (else the shell would receive every later click as
 * garbage text), leave the full screen (resets colours, shows the cursor, leaves the alternate
 * screen), then close the terminal (Lanterna puts back the stty settings saved at start: echo,
 * canonical mode, the interrupt character). Frames are drawn only through {@link #whileShown},
 * under the same lock: once the terminal is given back (or lent), no frame reaches it, whatever
 * the UI thread is doing at that moment. Thread-safe; {@link #restore()} never throws.
 */
public final class TerminalSession {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSession.class);

    /** Something that writes to the terminal. */
    @FunctionalInterface
    public interface TerminalAction {
        void run() throws IOException;
    }

    /**
     * A terminal whose tty modes can be switched back and forth, and whose full screen others
     * (Lanterna's own shutdown hook) may leave: {@link TelarTerminal}.
     */
    public interface TtyModes {
        /** The lock held while the full screen is entered or left; frames are sent under it too. */
        default Object screenLock() {
            return this;
        }

        /** False once the full screen was left, by whoever left it. */
        default boolean fullScreen() {
            return true;
        }

        /** Puts back the tty settings found at start (canonical mode, echo, signals). */
        void cookedModes() throws IOException;

        /** Switches the tty to the dashboard's settings again (no echo, keys one by one). */
        void rawModes() throws IOException;
    }

    private final Terminal terminal;
    private final boolean mouse;
    private final AtomicBoolean restored = new AtomicBoolean();
    /** Held while a frame is drawn, and while the terminal is given back or lent: the terminal's own when it has one. */
    private final Object lock;
    private volatile boolean fullScreen;
    /** True while the terminal is lent to the shell (Ctrl-Z); guarded by {@link #lock}. */
    private boolean suspended;

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
        this.lock = terminal instanceof TtyModes tty ? tty.screenLock() : new Object();
    }

    /**
     * Switches the terminal to the alternate screen with the cursor hidden, reporting clicks when
     * asked; {@link #restore()} switches back.
     */
    public void enterFullScreen() throws IOException {
        synchronized (lock) {
            fullScreen = true;
            showFullScreen();
        }
    }

    private void showFullScreen() throws IOException {
        if (mouse) {
            // Lanterna sends the request as it enters private mode, and stops it as it leaves.
            ((ExtendedTerminal) terminal).setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
        }
        terminal.enterPrivateMode();
        terminal.setCursorVisible(false);
        terminal.clearScreen();
        terminal.flush();
    }

    /**
     * Runs {@code action} (a frame being sent) unless the terminal was given back or is lent to
     * the shell; a restore waits for a frame in progress to end.
     *
     * @return true when the action ran
     */
    public boolean whileShown(TerminalAction action) throws IOException {
        synchronized (lock) {
            if (restored.get() || suspended || terminal instanceof TtyModes tty && !tty.fullScreen()) {
                return false; // given back, lent, or left by Lanterna's own shutdown hook
            }
            action.run();
            return true;
        }
    }

    /** True once the terminal was given back. */
    public boolean restored() {
        return restored.get();
    }

    /** A shutdown hook that restores this session; register it with the JVM. */
    public Thread shutdownHook() {
        return new Thread(this::restore, "telar-restore");
    }

    /**
     * Lends the terminal to the shell (Ctrl-Z): leaves the full screen as {@link #restore()}
     * does and puts back the tty settings found at start, but keeps the terminal open.
     *
     * @return true when the terminal was lent; false when it is given back for good already
     */
    public boolean suspend() {
        synchronized (lock) {
            if (restored.get() || suspended) {
                return false;
            }
            suspended = true;
            leaveFullScreen();
            if (terminal instanceof TtyModes tty) {
                try {
                    tty.cookedModes();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("putting back the tty settings for the shell failed", e);
                }
            }
            return true;
        }
    }

    /**
     * Takes the terminal back after {@link #suspend()}: the dashboard's tty settings, the full
     * screen, mouse reporting as before. The caller must then send a complete frame.
     */
    public void resume() throws IOException {
        synchronized (lock) {
            if (restored.get() || !suspended) {
                return;
            }
            if (terminal instanceof TtyModes tty) {
                tty.rawModes();
            }
            showFullScreen();
            suspended = false;
        }
    }

    /** Restores the terminal the first time it is called; later calls do nothing. */
    public void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        synchronized (lock) {
            if (!suspended) {
                leaveFullScreen();
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

    /** Mouse reporting off, colours reset, cursor shown, the alternate screen left; never throws. */
    private void leaveFullScreen() {
        if (!fullScreen) {
            return;
        }
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
}

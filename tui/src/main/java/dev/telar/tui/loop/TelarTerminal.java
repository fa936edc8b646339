package dev.telar.tui.loop;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's {@link UnixTerminal} in UTF-8 with Ctrl-C and Ctrl-Z trapped as keys (so quitting
 * and suspending always go through the dashboard's clean path), that learns its size from the kernel.
 *
 * <p>Lanterna 3.1.3 finds the size by moving the cursor far away and asking the terminal where
 * it ended up, then waits for the answer up to 5 s in a 1 ms sleep loop. The kernel already
 * knows the size (the window size the terminal or sshd set on the tty), so this asks
 * {@code stty size} on the tty first, which needs no answer from the terminal and no waiting.
 * Only when the kernel has no size (0×0, e.g. a serial console) does it fall back to asking the
 * terminal.
 */
public final class TelarTerminal extends UnixTerminal implements TerminalSession.TtyModes {
    /**
     * The dashboard's tty settings: keys one by one without echo, and Ctrl-C and Ctrl-Z read as
     * keys rather than turned into signals, so that both go through the dashboard (quit; suspend
     * with the terminal given back first). Ctrl-\ is a key too: as SIGQUIT it would make the JVM
     * print a thread dump over the screen. Flow control is off, so Ctrl-S cannot freeze the
     * output until a Ctrl-Q the user may not know about.
     */
    static final String RAW = "-icanon min 1 -echo intr undef susp undef quit undef -ixon";

    // Set while Lanterna's constructor takes over the tty (before this class's own fields would be
    // initialised, hence no initialisers): the settings to restore and the size seen then.
    private String savedSettings;
    private TerminalSize sizeAtStart;
    private boolean acquired;
    /**
     * Held while the full screen is entered or left. Lanterna's own shutdown hook leaves it too,
     * on its own thread, at the same moment as the dashboard's hook: without the lock its
     * "leave the alternate screen" could land in the middle of a frame, and the rest of the frame
     * on the shell's screen.
     */
    private final Object screenLock = new Object();
    private volatile boolean fullScreen;

    /**
     * Takes over the terminal: saves its stty settings, turns off echo, canonical mode and the
     * interrupt character. Registers Lanterna's own shutdown hook that restores them.
     *
     * @param in  the terminal's input (System.in)
     * @param out the terminal's output; should be buffered, Lanterna flushes after each frame
     */
    public TelarTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
        acquired = true;
    }

    /**
     * Lanterna saves the tty settings and then turns off canonical mode, echo and the interrupt
     * character with one {@code stty} process each; every process start costs tens of
     * milliseconds before the first frame. This does all of it, and reads the size, in one.
     */
    @Override
    protected void saveTerminalSettings() throws IOException {
        if (acquired) {
            super.saveTerminalSettings();
            return;
        }
        String out = exec("/bin/sh", "-c",
                "s=$(stty -g) && stty " + RAW + " && echo \"$s|$(stty size)\"");
        int bar = out.indexOf('|');
        if (bar <= 0) {
            throw new IOException("could not set up the terminal (stty said: " + out.trim() + ")");
        }
        savedSettings = out.substring(0, bar).trim();
        sizeAtStart = parseSttySize(out.substring(bar + 1));
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (acquired) {
            super.canonicalMode(enabled);
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (acquired) {
            super.keyEchoEnabled(enabled);
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (acquired) {
            super.keyStrokeSignalsEnabled(enabled);
        }
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (savedSettings != null) {
            runSTTYCommand(savedSettings);
        } else {
            super.restoreTerminalSettings();
        }
    }

    @Override
    public void enterPrivateMode() throws IOException {
        synchronized (screenLock) {
            super.enterPrivateMode();
            fullScreen = true;
        }
    }

    @Override
    public void exitPrivateMode() throws IOException {
        synchronized (screenLock) {
            fullScreen = false;
            super.exitPrivateMode();
        }
    }

    @Override
    public Object screenLock() {
        return screenLock;
    }

    @Override
    public boolean fullScreen() {
        return fullScreen;
    }

    @Override
    public void cookedModes() throws IOException {
        restoreTerminalSettings();
    }

    @Override
    public void rawModes() throws IOException {
        runSTTYCommand(RAW.split(" "));
    }

    /** The size the kernel holds for the tty, or null when it has none (0×0) or stty fails. */
    public TerminalSize kernelSize() {
        TerminalSize first = sizeAtStart;
        if (first != null) {
            sizeAtStart = null; // known from start-up; later calls (after a resize) ask again
            return first;
        }
        try {
            return parseSttySize(runSTTYCommand("size"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses {@code stty size} output, {@code "rows columns"}; null unless both are positive. */
    static TerminalSize parseSttySize(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        try {
            int rows = Integer.parseInt(parts[0]);
            int columns = Integer.parseInt(parts[1]);
            return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize size = kernelSize();
        return size != null ? size : super.findTerminalSize();
    }
}

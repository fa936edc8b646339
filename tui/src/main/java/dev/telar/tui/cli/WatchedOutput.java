package dev.telar.tui.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes every command prints, on their way to standard output. {@link java.io.PrintStream}
 * and {@link java.io.PrintWriter} keep a failed write to themselves (a full disk, a reader gone
 * from the pipe), so a command would go on and end with exit code 0 having printed nothing. Here
 * the first failed write becomes an {@link OutputLost}, which ends the command whatever it was
 * doing (a repeating one stops at once) and which {@link Cli} turns into one line and exit code 1.
 * Later writes are dropped: the buffers that still hold the lost bytes must not raise it twice.
 */
final class WatchedOutput extends OutputStream {
    /** Thrown, unchecked, by the first write to standard output that fails; carries the system's reason. */
    static final class OutputLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputLost(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private final OutputStream target;
    private volatile boolean lost;

    WatchedOutput(OutputStream target) {
        this.target = target;
    }

    /** Standard output itself, not {@link System#out}, which would swallow the error first. */
    static WatchedOutput standardOutput() {
        return new WatchedOutput(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (lost) {
            return;
        }
        try {
            target.write(bytes, offset, length);
        } catch (IOException e) {
            lost = true;
            throw new OutputLost(e);
        }
    }

    @Override
    public void flush() {
        if (lost) {
            return;
        }
        try {
            target.flush();
        } catch (IOException e) {
            lost = true;
            throw new OutputLost(e);
        }
    }
}

package dev.telar.tui.loop;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;

/**
 * The thread that reads the keyboard and hands each key stroke to the UI thread.
 *
 * <p>It blocks in {@link Terminal#readInput()}: in Lanterna 3.1.3 that ends in a plain blocking
 * {@code read} of the input stream (the decoder only checks {@code ready()} to finish an escape
 * sequence already begun), so the thread sleeps in the kernel until a byte arrives. It is a
 * daemon: a thread blocked in {@code read} cannot be interrupted, and must not keep the JVM
 * alive after the dashboard returns. End of input (the terminal went away) is passed on as a
 * {@link KeyType#EOF} key, after which the thread ends.
 */
public final class InputReader implements Runnable {
    private final Terminal terminal;
    private final BlockingQueue<UiEvent> queue;

    private InputReader(Terminal terminal, BlockingQueue<UiEvent> queue) {
        this.terminal = terminal;
        this.queue = queue;
    }

    /** Starts a daemon thread reading {@code terminal} into {@code queue}. */
    public static Thread start(Terminal terminal, BlockingQueue<UiEvent> queue) {
        Thread thread = new Thread(new InputReader(terminal, queue), "telar-input");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            while (true) {
                KeyStroke key = terminal.readInput();
                if (key == null) {
                    // readInput() blocks until a key; null would mean end of input in practice.
                    key = new KeyStroke(KeyType.EOF);
                }
                queue.put(new UiEvent.Key(key));
                if (key.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        } catch (IOException e) {
            // A hung-up tty reads as an I/O error: the same as end of input for us.
            queue.offer(new UiEvent.Key(new KeyStroke(KeyType.EOF)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            queue.offer(new UiEvent.Failure(e));
        }
    }
}

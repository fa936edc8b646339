package dev.telar.tui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The first line a started process prints, waited for with an end. */
public final class FirstLine {
    private FirstLine() {
    }

    /**
     * The first line of {@code p}'s standard output (null when it ended without one).
     *
     * @throws java.util.concurrent.TimeoutException when no line came within {@code timeout}
     */
    public static String of(Process p, Duration timeout) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

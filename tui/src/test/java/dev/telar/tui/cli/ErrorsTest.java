package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void reportIsOneLineNamingTheLog() {
        String line = Errors.report(Thread.currentThread(), new IllegalStateException("first\n  second\r\nthird"), Path.of("/x/telar.log"));
        assertThat(line).isEqualTo("telar: unexpected error: IllegalStateException: first second third (details in /x/telar.log)");
    }

    @Test
    void exceptionWithoutMessageIsNamedByClass() {
        assertThat(Errors.report(Thread.currentThread(), new NullPointerException(), null))
                .isEqualTo("telar: unexpected error: java.lang.NullPointerException");
    }
}

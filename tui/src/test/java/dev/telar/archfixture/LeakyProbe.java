package dev.telar.archfixture;

import com.googlecode.lanterna.TerminalSize;
import dev.telar.tui.cli.Telar;

/** Test fixture that breaks the architecture rules on purpose (see ArchitectureTest). */
public final class LeakyProbe {
    private LeakyProbe() {
    }

    public static int columns() {
        return new TerminalSize(80, 24).getColumns();
    }

    public static Class<?> reachUp() {
        return Telar.class;
    }
}

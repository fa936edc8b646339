package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/** Packs and unpacks the cell styles of a {@link CellBuffer}. */
public final class Style {
    private static final TextColor.ANSI[] COLORS = TextColor.ANSI.values();
    private static final SGR[] SGRS = SGR.values();
    /** The terminal's own colours, no modifiers. */
    public static final int PLAIN = of(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, 0);

    private Style() {
    }

    /** A style from colours and a bit set of {@code SGR} ordinals. */
    public static int of(TextColor.ANSI foreground, TextColor.ANSI background, int modifierBits) {
        return foreground.ordinal() | background.ordinal() << 5 | modifierBits << 10;
    }

    public static TextColor.ANSI foreground(int style) {
        return COLORS[style & 31];
    }

    public static TextColor.ANSI background(int style) {
        return COLORS[(style >>> 5) & 31];
    }

    /** The modifier bit set (bit n set: {@code SGR.values()[n]} on). */
    public static int modifiers(int style) {
        return style >>> 10;
    }

    /** True when modifier {@code sgr} is on in the style. */
    public static boolean has(int style, SGR sgr) {
        return (modifiers(style) & (1 << sgr.ordinal())) != 0;
    }

    /** The modifiers that are on, as SGR values. */
    public static SGR[] sgrs(int style) {
        int bits = modifiers(style);
        return java.util.Arrays.stream(SGRS).filter(s -> (bits & (1 << s.ordinal())) != 0).toArray(SGR[]::new);
    }
}

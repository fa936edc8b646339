package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor.ANSI;
import dev.telar.config.Theme;
import java.util.EnumMap;
import java.util.Map;

/**
 * The dashboard's few pens, one set per {@link Theme}. Only the 8 basic ANSI colours (and, in the
 * dark theme, one bright one) are used, so the dashboard reads the same on a 16-colour console, a
 * projector and a modern terminal, and each change of colour costs few bytes.
 *
 * <ul>
 *   <li>DARK, for dark backgrounds: cyan labels, black on cyan header bars, load green, yellow,
 *       red.</li>
 *   <li>LIGHT, for white backgrounds and projectors: no yellow, white or cyan text on the
 *       terminal's own background, which wash out there; blue labels, white on blue header bars,
 *       load green, magenta, red.</li>
 *   <li>MONO (also for {@code NO_COLOR}): no colour at all; labels bold, header bars and the
 *       selection in reverse video, warnings underlined, high load bold.</li>
 * </ul>
 *
 * Every method sets the whole pen (starting from {@link #plain}), so the order of calls never
 * leaks a colour from one element into the next. Immutable; one shared instance per theme.
 */
public final class Palette {
    private static final Map<Theme, Palette> BY_THEME = new EnumMap<>(Theme.class);

    static {
        BY_THEME.put(Theme.DARK, new Palette(false, ANSI.CYAN, ANSI.BLACK, ANSI.CYAN,
                ANSI.GREEN, ANSI.YELLOW, ANSI.RED, ANSI.BLUE_BRIGHT, ANSI.YELLOW));
        BY_THEME.put(Theme.LIGHT, new Palette(false, ANSI.BLUE, ANSI.WHITE, ANSI.BLUE,
                ANSI.GREEN, ANSI.MAGENTA, ANSI.RED, ANSI.BLUE, ANSI.MAGENTA));
        BY_THEME.put(Theme.MONO, new Palette(true, ANSI.DEFAULT, ANSI.DEFAULT, ANSI.DEFAULT,
                ANSI.DEFAULT, ANSI.DEFAULT, ANSI.DEFAULT, ANSI.DEFAULT, ANSI.DEFAULT));
    }

    private final boolean mono;
    private final ANSI accent;
    private final ANSI barForeground;
    private final ANSI barBackground;
    private final ANSI low;
    private final ANSI medium;
    private final ANSI high;
    private final ANSI spark;
    private final ANSI warning;

    private Palette(boolean mono, ANSI accent, ANSI barForeground, ANSI barBackground, ANSI low, ANSI medium,
                    ANSI high, ANSI spark, ANSI warning) {
        this.mono = mono;
        this.accent = accent;
        this.barForeground = barForeground;
        this.barBackground = barBackground;
        this.low = low;
        this.medium = medium;
        this.high = high;
        this.spark = spark;
        this.warning = warning;
    }

    /** The pens of {@code theme}. */
    public static Palette of(Theme theme) {
        return BY_THEME.get(theme);
    }

    /** Back to the terminal's own colours, no modifiers. */
    public void plain(Canvas g) {
        g.setForegroundColor(ANSI.DEFAULT);
        g.setBackgroundColor(ANSI.DEFAULT);
        g.clearModifiers();
    }

    /** Bold accent, for labels. */
    public void label(Canvas g) {
        plain(g);
        g.setForegroundColor(accent);
        g.enableModifiers(SGR.BOLD);
    }

    /** Column headers and key names in the footer: a coloured bar, or reverse video in MONO. */
    public void bar(Canvas g) {
        plain(g);
        if (mono) {
            g.enableModifiers(SGR.REVERSE);
        } else {
            g.setForegroundColor(barForeground);
            g.setBackgroundColor(barBackground);
        }
    }

    /** Plain text in bold: the newest result, the verdict, the host name. */
    public void strong(Canvas g) {
        plain(g);
        g.enableModifiers(SGR.BOLD);
    }

    /** The selected row or field: reverse video (also bold in MONO, where header bars are reverse too). */
    public void selected(Canvas g) {
        plain(g);
        g.enableModifiers(SGR.REVERSE);
        if (mono) {
            g.enableModifiers(SGR.BOLD);
        }
    }

    /** Something that did not go as asked: a cancelled or failed run, a model that cannot run. */
    public void warning(Canvas g) {
        plain(g);
        if (mono) {
            g.enableModifiers(SGR.UNDERLINE);
        } else {
            g.setForegroundColor(warning);
        }
    }

    /** A load of {@code pct} percent: green below 50 %, then a middle colour below 80 %, then red (MONO: bold from 80 %). */
    public void load(Canvas g, double pct) {
        plain(g);
        if (mono) {
            if (pct >= 80) {
                g.enableModifiers(SGR.BOLD);
            }
            return;
        }
        g.setForegroundColor(pct >= 80 ? high : pct >= 50 ? medium : low);
    }

    /** Sparklines of recent load. */
    public void spark(Canvas g) {
        plain(g);
        g.setForegroundColor(spark);
    }

    /** A sweep bar: {@code within} the core count in the low-load colour, beyond it in the warning colour. */
    public void sweepBar(Canvas g, boolean within) {
        plain(g);
        if (!mono) {
            g.setForegroundColor(within ? low : warning);
        }
    }
}

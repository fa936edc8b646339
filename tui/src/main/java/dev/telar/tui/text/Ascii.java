package dev.telar.tui.text;

import java.text.Normalizer;

/**
 * The one place that says how a character looks in ASCII mode, for terminals that cannot show
 * more (a serial console, {@code LANG=C}, an old projector PC). Every character maps to exactly
 * one ASCII character, so text folded after it was laid out keeps its columns:
 *
 * <ul>
 *   <li>box drawing: corners and tees {@code +}, lines {@code -} and {@code |};</li>
 *   <li>bars and sparklines: blocks {@code #}, the eight sparkline levels
 *       {@code _ . , - = + * #} from lowest to highest;</li>
 *   <li>arrows and triangles: {@code < > ^ v}; ellipsis {@code .}; {@code ×} {@code x};
 *       dashes {@code -}; middle dot {@code .}; guillemets and curly quotes plain quotes; the micro
 *       sign {@code u} (as in {@code us});</li>
 *   <li>letters with accents lose them ({@code é} to {@code e}, {@code ñ} to {@code n}),
 *       {@code ¿ ¡} become {@code ? !} and {@code nº} {@code no}, so Spanish stays readable;</li>
 *   <li>anything else (e.g. a CJK process name): {@code ?}.</li>
 * </ul>
 *
 * Pure and thread-safe. Folded letters are remembered in a table filled on first use, so drawing
 * a frame never normalizes the same character twice.
 */
public final class Ascii {
    /** Sparkline glyphs from lowest to highest, as drawn in Unicode mode. */
    public static final String SPARKS = "▁▂▃▄▅▆▇█";
    /** Their ASCII stand-ins, same order. */
    public static final String SPARKS_ASCII = "_.,-=+*#";
    /** Unicode glyphs Telar draws, each group with the ASCII character that stands for all of them. */
    private static final String[][] GROUPS = {
        {"─━═–—", "-"}, {"│┃║▏", "|"}, {"┌┐└┘├┤┬┴┼╭╮╯╰", "+"},
        {"█▉▊▋▌▍▎▓■", "#"}, {"░", ":"}, {"▒", "="},
        {"◂◀←", "<"}, {"▸▶→", ">"}, {"▾▼↓", "v"}, {"▴▲↑", "^"},
        {"…·•", "."}, {"×", "x"}, {"«»“”", "\""}, {"‘’", "'"}, {"¿", "?"}, {"¡", "!"}, {"°º", "o"}, {"ª", "a"}, {"µ", "u"},
    };
    /** Folded characters by code unit; 0 where not yet computed (64K chars, filled as met). */
    private static final char[] FOLDED = new char[0x10000];

    static {
        for (String[] group : GROUPS) {
            for (int i = 0; i < group[0].length(); i++) {
                FOLDED[group[0].charAt(i)] = group[1].charAt(0);
            }
        }
        // Sparkline levels stay distinguishable: the ASCII ramp, not one '#' for all.
        for (int i = 0; i < SPARKS.length(); i++) {
            FOLDED[SPARKS.charAt(i)] = SPARKS_ASCII.charAt(i);
        }
    }

    private Ascii() {
    }

    /** The ASCII character that stands for {@code c}; {@code c} itself when already ASCII. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        char known = FOLDED[c];
        if (known != 0) {
            return known;
        }
        char folded = decompose(c);
        FOLDED[c] = folded; // a benign race: every thread computes the same value
        return folded;
    }

    /** {@code text} with every character folded; the same string when it is already ASCII. */
    public static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                char[] out = text.toCharArray();
                for (int j = i; j < out.length; j++) {
                    out[j] = fold(out[j]);
                }
                return new String(out);
            }
        }
        return text;
    }

    /** True when every character of {@code text} is ASCII. */
    public static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A letter without its accents (canonical decomposition, marks dropped), else {@code ?}. */
    private static char decompose(char c) {
        if (Character.isSurrogate(c)) {
            return '?';
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char first = base.charAt(0);
        return first < 0x80 && !Character.isISOControl(first) ? first : '?';
    }
}

package dev.telar.tui.text;

/**
 * Human-readable formatting of sizes, durations and percentages for the panels.
 *
 * <p>Pure functions, safe from any thread. Results are short enough for fixed-width columns:
 * {@link #bytes} never returns more than 5 characters.
 */
public final class Units {
    private static final String PREFIXES = "KMGTPE";

    private Units() {
    }

    /**
     * A byte count in binary units with one letter: {@code 512B}, {@code 3.2G}, {@code 23.5G}, {@code 235M}.
     * One decimal below 100 of the unit, none above; at most 5 characters; negative values read as 0.
     */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return Math.max(0, bytes) + "B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < PREFIXES.length() - 1) {
            value /= 1024;
            unit++;
        }
        char letter = PREFIXES.charAt(unit);
        // Rounding 99.96 to one decimal would print "100.0", six characters: switch to integers first.
        if (value < 99.95) {
            return String.format(java.util.Locale.ROOT, "%.1f%c", value, letter);
        }
        return String.format(java.util.Locale.ROOT, "%d%c", Math.round(value), letter);
    }

    /** Time since boot as {@code 3d 04:12} (days, hours:minutes) or {@code 04:12} under a day; the same in every language. */
    public static String uptime(long seconds) {
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        String clock = String.format(java.util.Locale.ROOT, "%02d:%02d", hours, minutes);
        return days > 0 ? days + "d " + clock : clock;
    }

    /** An interval in milliseconds as seconds: {@code 0.25s}, {@code 0.5s}, {@code 1s}, {@code 10s}. */
    public static String seconds(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        String text = String.format(java.util.Locale.ROOT, "%.2f", millis / 1000.0);
        // Trailing zeros carry no information ("0.50s" reads as "0.5s").
        while (text.endsWith("0")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "s";
    }

    /** A percentage with one decimal, right-aligned to 5 characters ({@code " 42.0"}, {@code "100.0"}). */
    public static String percent(double pct) {
        double p = Double.isFinite(pct) ? Math.max(0, pct) : 0;
        return p >= 999.95 ? String.format(java.util.Locale.ROOT, "%5d", Math.round(p))
                : String.format(java.util.Locale.ROOT, "%5.1f", p);
    }

    /**
     * The text with control characters replaced by {@code ?}, so a process name cannot move the
     * cursor or change the terminal's state.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    out.append(Character.isISOControl(c) ? '?' : c);
                }
                return out.toString();
            }
        }
        return text;
    }

    /** {@code text} cut or padded with spaces to exactly {@code width} characters. */
    public static String fit(String text, int width) {
        if (width <= 0) {
            return "";
        }
        if (text.length() >= width) {
            return text.substring(0, width);
        }
        StringBuilder out = new StringBuilder(width).append(text);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }

    /**
     * {@code text} broken at spaces into lines of at most {@code width} characters, at most
     * {@code maxLines} of them; a word longer than a line is cut, and so is the last line when
     * text remains.
     */
    public static java.util.List<String> wrap(String text, int width, int maxLines) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (width <= 0 || maxLines <= 0) {
            return lines;
        }
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (rest.length() <= width || lines.size() == maxLines - 1) {
                lines.add(rest.length() <= width ? rest : rest.substring(0, width));
                break;
            }
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).strip();
        }
        return lines;
    }

    /** Core numbers joined by commas, e.g. {@code 0,1}; empty for none. */
    public static String coreList(int[] cores) {
        StringBuilder b = new StringBuilder();
        for (int c : cores) {
            b.append(b.length() == 0 ? "" : ",").append(c);
        }
        return b.toString();
    }
}

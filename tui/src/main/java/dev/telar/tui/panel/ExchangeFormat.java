package dev.telar.tui.panel;

import java.util.Locale;

/**
 * Short numbers for the exchange panels: counts and rates with a k/M/G suffix, latencies with
 * their unit (µs, ms, s). Pure functions; the same in every language (decimal point), like {@link Units}.
 */
final class ExchangeFormat {
    private ExchangeFormat() {
    }

    /** A count: {@code 950}, {@code 100k}, {@code 1M}, {@code 1.5M}, {@code 2.1G}; at most 5 characters. */
    static String count(double n) {
        double v = Double.isFinite(n) ? Math.max(0, n) : 0;
        if (v < 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String[] suffixes = {"k", "M", "G", "T"};
        int unit = -1;
        while (v >= 999.5 && unit < suffixes.length - 1) {
            v /= 1000;
            unit++;
        }
        String digits = v < 9.95 && Math.abs(v - Math.round(v)) >= 0.05 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.0f", v);
        return digits + suffixes[unit];
    }

    /**
     * A latency given in microseconds, with its unit: {@code 0.8 µs}, {@code 12.3 µs}, {@code 450 µs},
     * {@code 2.1 ms}, {@code 13 ms}, {@code 1.2 s}; "-" when unknown. The unit changes where the
     * number would pass three digits, so the same width holds a microsecond hand-off and a wait of
     * a scheduler slice.
     */
    static String micros(double us) {
        if (!Double.isFinite(us)) {
            return "-";
        }
        double v = Math.max(0, us);
        if (v < 999.5) {
            return v < 100 ? String.format(Locale.ROOT, "%.1f µs", v) : String.format(Locale.ROOT, "%.0f µs", v);
        }
        double ms = v / 1000;
        if (ms < 999.5) {
            return ms < 9.95 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}

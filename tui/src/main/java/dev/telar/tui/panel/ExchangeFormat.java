package dev.telar.tui.panel;

import java.util.Locale;

/**
 * Short numbers for the exchange panels: counts and rates with a k/M/G suffix, latencies in
 * microseconds. Pure functions; the same in every language (decimal point), like {@link Units}.
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

    /** A latency in microseconds: {@code 0.8}, {@code 12.3}, {@code 450}, {@code 12k}; "-" when unknown. */
    static String micros(double us) {
        if (!Double.isFinite(us)) {
            return "-";
        }
        if (us < 100) {
            return String.format(Locale.ROOT, "%.1f", Math.max(0, us));
        }
        return count(us);
    }
}

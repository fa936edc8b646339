package dev.telar.config;

/** Range checks of the records, for values built in code; the loader checks file and flag values first. */
final class Ranges {
    private Ranges() {
    }

    static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw SettingsException.of("range", name, min, max, value);
        }
    }
}

package dev.telar.config;

import java.util.Arrays;

/**
 * A piece of a settings message kept as its bundle key and arguments, so that it is put into
 * words only when the message is read, in the language asked for then (e.g. "a list", or what a
 * key accepts). Arguments may be phrases themselves.
 *
 * @param key  key in {@code messages_<code>.properties} beside this class
 * @param args values for the key's placeholders
 */
record Phrase(String key, Object... args) {
    /** The phrase in {@code language}. */
    String in(Language language) {
        return ConfigMessages.format(language, key, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && key.equals(p.key) && Arrays.equals(args, p.args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}

package dev.telar.tui.text;

import java.util.Arrays;

/**
 * A text to show later, kept as its key and arguments rather than as words, so that it reads in
 * whatever language is chosen when it is drawn (the language can change while it is on screen).
 *
 * @param key  the bundle key
 * @param args the values for the key's placeholders; may themselves be messages
 */
public record Message(String key, Object... args) {
    /** No message: renders as the empty string. */
    public static final Message NONE = new Message("");

    /** A message whose only argument is text that needs no translation (e.g. an error from the JVM). */
    public static Message verbatim(String text) {
        return new Message("text.verbatim", text);
    }

    /** True for {@link #NONE}. */
    public boolean isEmpty() {
        return key.isEmpty();
    }

    /** The message in the language of {@code texts}. */
    public String in(Texts texts) {
        return isEmpty() ? "" : texts.format(key, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && key.equals(m.key) && Arrays.equals(args, m.args);
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

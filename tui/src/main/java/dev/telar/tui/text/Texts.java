package dev.telar.tui.text;

import dev.telar.config.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every word Telar shows, in one language: the dashboard's panels, help, verdicts and the
 * command line's messages. Read from {@code messages_<code>.properties} beside this class
 * (UTF-8), chosen by {@link Language} and never by the JVM's default locale, so a Spanish
 * setting on an English machine (or the reverse) shows what was asked for.
 *
 * <p>A key missing from the bundle shows as {@code ??key??}, which the render tests look for on
 * screen. Numbers are formatted with {@link Locale#ROOT} (decimal point) in both languages, so
 * figures line up in tables and read the same as the JSON output. Instances are immutable and
 * shared: {@link #of} loads each language once. Thread-safe.
 */
public final class Texts {
    private static final Map<Language, Texts> LOADED = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> entries;

    private Texts(Language language, Map<String, String> entries) {
        this.language = language;
        this.entries = entries;
    }

    /** The texts of {@code language}, loaded on first use. */
    public static Texts of(Language language) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language, Texts::load);
        }
    }

    private static Texts load(Language language) {
        String name = "messages_" + language.code() + ".properties";
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the text bundle " + name + " is missing from the build");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> entries = new java.util.HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                entries.put(key, properties.getProperty(key));
            }
            return new Texts(language, Map.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text bundle " + name, e);
        }
    }

    /** The language of these texts. */
    public Language language() {
        return language;
    }

    /** True when the bundle has {@code key} (for optional variants of a text). */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The text for {@code key}, or {@code ??key??} when the bundle lacks it. */
    public String get(String key) {
        String text = entries.get(key);
        return text != null ? text : missing(key);
    }

    /**
     * The text for {@code key} with {@code args} put in by {@link String#format} ({@code %s},
     * {@code %d}, {@code %.2f}, {@code %1$s}...). A {@link Message} among the arguments is put in
     * as its text in this language.
     */
    public String format(String key, Object... args) {
        String pattern = entries.get(key);
        if (pattern == null) {
            return missing(key);
        }
        Object[] resolved = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Message m) {
                if (resolved == args) {
                    resolved = args.clone();
                }
                resolved[i] = m.in(this);
            }
        }
        try {
            return String.format(Locale.ROOT, pattern, resolved);
        } catch (IllegalFormatException e) {
            // A translation whose placeholders do not match the code: visible, like a missing key.
            return missing(key);
        }
    }

    /**
     * The singular or plural text for a count: {@code key.one} when {@code n} is 1, else
     * {@code key.other}, formatted with {@code n} first and then {@code more}. English and Spanish
     * share this rule.
     */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return format(n == 1 ? key + ".one" : key + ".other", args);
    }

    /** Every key of this bundle, sorted (for the tests that compare languages). */
    public Set<String> keys() {
        return new TreeSet<>(entries.keySet());
    }

    private static String missing(String key) {
        return "??" + key + "??";
    }
}

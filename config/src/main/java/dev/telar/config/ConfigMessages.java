package dev.telar.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of the settings messages, from {@code messages_<code>.properties} beside this class
 * (UTF-8). The config module keeps its own small bundle because it must not depend on the
 * dashboard's texts; the bundles are read only when a message is shown, so a start with valid
 * settings never loads them. Chosen by {@link Language}, never by the JVM's default locale.
 * Thread-safe.
 */
final class ConfigMessages {
    private static final Map<Language, Map<String, String>> LOADED = new EnumMap<>(Language.class);

    private ConfigMessages() {
    }

    /**
     * The text of {@code key} in {@code language} with {@code args} put in by
     * {@link String#format} (numbers with a decimal point in both languages); a {@link Phrase}
     * among the arguments is put in as its own text in the same language. A missing key or a
     * translation whose placeholders do not fit shows as {@code ??key??}, visible in tests.
     */
    static String format(Language language, String key, Object... args) {
        String pattern = entries(language).get(key);
        if (pattern == null) {
            return "??" + key + "??";
        }
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Phrase p) {
                resolved[i] = p.in(language);
            }
        }
        try {
            return String.format(Locale.ROOT, pattern, resolved);
        } catch (IllegalFormatException e) {
            return "??" + key + "??";
        }
    }

    /**
     * The key under {@code prefix} whose English text is {@code english}: how a problem that a
     * library states in English (SnakeYAML's) finds its translation.
     */
    static Optional<String> keyOfEnglish(String prefix, String english) {
        return entries(Language.EN).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(english))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every key of the bundle of {@code language}, sorted (for the tests that compare languages). */
    static Set<String> keys(Language language) {
        return new TreeSet<>(entries(language).keySet());
    }

    /** The raw text of {@code key}, placeholders unfilled, or null (for the tests). */
    static String raw(Language language, String key) {
        return entries(language).get(key);
    }

    private static Map<String, String> entries(Language language) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language, ConfigMessages::load);
        }
    }

    private static Map<String, String> load(Language language) {
        String name = "messages_" + language.code() + ".properties";
        try (InputStream in = ConfigMessages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the settings message bundle " + name + " is missing from the build");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> entries = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                entries.put(key, properties.getProperty(key));
            }
            return Map.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings message bundle " + name, e);
        }
    }
}

package dev.telar.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The settings bundles: the same keys and placeholders in every language, and every key the code names exists. */
class ConfigMessagesTest {
    /** A java.util.Formatter specifier; {@code %%} and {@code %n} take no argument. */
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?([a-zA-Z%])");
    /** A literal key handed to an exception or a phrase in the main sources. */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:SettingsException\\.of|new Phrase|error\\([a-zA-Z()]+,)\\s*\\(?\"([a-z][a-z0-9]*(?:\\.[a-z0-9]+)*)\"");

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> english = ConfigMessages.keys(Language.EN);
        assertThat(english).hasSizeGreaterThan(30);
        for (Language language : Language.values()) {
            Set<String> keys = ConfigMessages.keys(language);
            Set<String> onlyEnglish = new TreeSet<>(english);
            onlyEnglish.removeAll(keys);
            Set<String> onlyHere = new TreeSet<>(keys);
            onlyHere.removeAll(english);
            assertThat(onlyEnglish).as("keys missing in %s", language).isEmpty();
            assertThat(onlyHere).as("keys only in %s", language).isEmpty();
        }
    }

    @Test
    void translationsTakeTheSameArguments() {
        for (Language language : Language.values()) {
            for (String key : ConfigMessages.keys(Language.EN)) {
                assertThat(specifiers(ConfigMessages.raw(language, key))).as("placeholders of %s in %s", key, language)
                        .isEqualTo(specifiers(ConfigMessages.raw(Language.EN, key)));
            }
        }
    }

    @Test
    void noTextIsBlankAndSpanishDiffers() {
        for (Language language : Language.values()) {
            for (String key : ConfigMessages.keys(language)) {
                assertThat(ConfigMessages.raw(language, key)).as("%s in %s", key, language).isNotBlank();
            }
        }
        long same = ConfigMessages.keys(Language.ES).stream()
                .filter(k -> ConfigMessages.raw(Language.ES, k).equals(ConfigMessages.raw(Language.EN, k))).count();
        assertThat(same).as("Spanish texts equal to the English ones").isLessThanOrEqualTo(2);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys named in the sources").hasSizeGreaterThan(25);
        Set<String> keys = ConfigMessages.keys(Language.EN);
        assertThat(keys).as("keys named in the sources").containsAll(used);
    }

    @Test
    void aMissingKeyIsVisibleAndPhrasesNest() {
        assertThat(ConfigMessages.format(Language.ES, "no.such.key")).isEqualTo("??no.such.key??");
        assertThat(ConfigMessages.format(Language.ES, "value.mustbe", "--refresh",
                new Phrase("need.refresh", "0.25", "10"), "'x'"))
                .isEqualTo("--refresh: debe ser un número de segundos entre 0.25 y 10; se dio 'x'");
    }

    @Test
    void theBundlesAreChosenByLanguageNotByTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            assertThat(SettingsException.of("missing").getMessage()).isEqualTo("a setting is missing");
            Locale.setDefault(Locale.US);
            assertThat(SettingsException.of("missing").in(Language.ES).getMessage()).isEqualTo("falta un ajuste");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static List<String> specifiers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SPECIFIER.matcher(text);
        while (m.find()) {
            if (!m.group(3).equals("%") && !m.group(3).equals("n")) {
                out.add(m.group());
            }
        }
        out.sort(null);
        return out;
    }
}

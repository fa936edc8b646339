package dev.telar.tui.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundles: same keys in every language, matching placeholders, and every key the code names exists. */
class TextsTest {
    /** A java.util.Formatter specifier; {@code %%} and {@code %n} take no argument. */
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?([a-zA-Z%])");
    /** A literal key handed to the texts or to a message in the main sources. */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:\\.get|\\.format|\\.count|\\.has|new Message)\\(\"([a-z][a-z0-9]*(?:\\.[a-z0-9]+)+)\"");

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> english = Texts.of(Language.EN).keys();
        assertThat(english).hasSizeGreaterThan(100);
        for (Language language : Language.values()) {
            Set<String> keys = Texts.of(language).keys();
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
        Texts english = Texts.of(Language.EN);
        for (Language language : Language.values()) {
            Texts other = Texts.of(language);
            for (String key : english.keys()) {
                assertThat(specifiers(other.get(key))).as("placeholders of %s in %s", key, language)
                        .isEqualTo(specifiers(english.get(key)));
            }
        }
    }

    @Test
    void noTextIsBlankAndSpanishIsWrittenWithItsAccents() {
        for (Language language : Language.values()) {
            Texts t = Texts.of(language);
            for (String key : t.keys()) {
                assertThat(t.get(key)).as("%s in %s", key, language).isNotBlank();
            }
        }
        Texts es = Texts.of(Language.ES);
        assertThat(es.get("header.cores")).isEqualTo("Núcleos");
        assertThat(es.get("form.size")).isEqualTo("Tamaño");
        assertThat(es.get("help.x.cancel")).contains("Cancelar");
        // Spanish differs from English in nearly every text (names and symbols aside).
        long same = es.keys().stream().filter(k -> es.get(k).equals(Texts.of(Language.EN).get(k))).count();
        assertThat(same).isLessThan(es.keys().size() / 4);
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
        assertThat(used).as("keys named in the sources").hasSizeGreaterThan(30);
        Texts t = Texts.of(Language.EN);
        for (String key : used) {
            boolean present = t.has(key) || t.has(key + ".one") && t.has(key + ".other");
            assertThat(present).as("key %s used in the code", key).isTrue();
        }
    }

    /** Texts that head or fill a fixed-width column, with the column's width. */
    private static final Object[][] COLUMNS = {
        {"process.col.user", 9}, {"process.col.state", 1}, {"process.col.name", 15},
        {"results.col.kernel", 6}, {"results.col.model", 16}, {"results.col.workers", 7}, {"results.col.wall", 7},
        {"results.col.cpu", 7}, {"results.col.speedup", 8}, {"results.col.efficiency", 5},
        {"results.matmul.model", 16}, {"sweep.col.count", 5}, {"sweep.col.limit", 5}, {"sweep.col.seconds", 8},
        {"sweep.col.speedup", 8}, {"sweep.base", 5}, {"cores.average", 3},
        {"form.kernel", 10}, {"form.model", 10}, {"form.workers", 10}, {"form.tasks", 10}, {"form.size", 10},
        {"form.affinity", 10}, {"form.baseline", 10}, {"form.threads", 10}, {"form.repeats", 10},
        {"affinity.none", 16}, {"affinity.core0", 16}, {"affinity.spread", 17}, {"form.model.matmul", 16},
    };

    @Test
    void columnTextsFitTheirColumns() {
        for (Language language : Language.values()) {
            Texts t = Texts.of(language);
            for (Object[] column : COLUMNS) {
                assertThat(t.get((String) column[0]).length()).as("%s in %s", column[0], language)
                        .isLessThanOrEqualTo((Integer) column[1]);
            }
        }
    }

    @Test
    void aMissingKeyIsVisibleNotBlank() {
        Texts t = Texts.of(Language.ES);
        assertThat(t.get("no.such.key")).isEqualTo("??no.such.key??");
        assertThat(t.format("no.such.key", 3)).isEqualTo("??no.such.key??");
        assertThat(t.count("no.such.key", 3)).isEqualTo("??no.such.key.other??");
    }

    @Test
    void formatsWithADecimalPointAndPicksSingularOrPlural() {
        Texts es = Texts.of(Language.ES);
        assertThat(es.format("verdict.baseline", "secuencial", 4, 10.236)).isEqualTo("secuencial: referencia, 4 tareas en 10.24 s");
        assertThat(es.count("verdict.who.threads", 1)).isEqualTo("1 hilo");
        assertThat(es.count("verdict.who.threads", 4)).isEqualTo("4 hilos");
        assertThat(Texts.of(Language.EN).count("sweep.title", 1, "cpu/gil")).isEqualTo("Sweep cpu/gil on 1 core");
    }

    @Test
    void messagesReadInTheLanguageOfTheMomentAndNest() {
        Message m = new Message("exp.msg.cannot", new Message("problem.run.virtual", 17));
        assertThat(m.in(Texts.of(Language.EN))).isEqualTo("cannot run: virtual threads need Java 21 or newer; this JVM is 17");
        assertThat(m.in(Texts.of(Language.ES))).isEqualTo("no se puede ejecutar: los hilos virtuales piden Java 21 o más; esta JVM es 17");
        assertThat(Message.verbatim("out of memory").in(Texts.of(Language.ES))).isEqualTo("out of memory");
        assertThat(Message.NONE.in(Texts.of(Language.EN))).isEmpty();
        assertThat(m).isEqualTo(new Message("exp.msg.cannot", new Message("problem.run.virtual", 17)));
    }

    @Test
    void theBundlesAreLoadedByLanguageNotByTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("es-ES"));
            assertThat(Texts.of(Language.EN).get("footer.quit")).isEqualTo("Quit");
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(Texts.of(Language.ES).get("footer.quit")).isEqualTo("Salir");
        } finally {
            java.util.Locale.setDefault(before);
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

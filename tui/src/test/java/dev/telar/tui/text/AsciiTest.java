package dev.telar.tui.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void glyphsBecomeTheirAsciiStandIns() {
        assertThat(Ascii.fold("┌─┐│└┘├")).isEqualTo("+-+|+++");
        assertThat(Ascii.fold(Ascii.SPARKS)).isEqualTo(Ascii.SPARKS_ASCII);
        assertThat(Ascii.fold("◂ cpu ▸ ▾ ◀ fastest ▶ ×3.64 — a…b · ↑↓←→")).isEqualTo("< cpu > v < fastest > x3.64 - a.b . ^v<>");
        assertThat(Ascii.fold("█████")).isEqualTo("#####");
    }

    @Test
    void spanishLosesItsAccentsButStaysReadable() {
        assertThat(Ascii.fold("¿Núcleo? ¡Sí! Tamaño, ejecución, más, ü")).isEqualTo("?Nucleo? !Si! Tamano, ejecucion, mas, u");
        assertThat(Ascii.fold("ÁÉÍÓÚÑ")).isEqualTo("AEIOUN");
    }

    @Test
    void anythingElseIsAQuestionMarkAndAsciiIsUntouched() {
        assertThat(Ascii.fold("进程 😀")).isEqualTo("?? ??");
        String plain = "plain text 123 ~";
        assertThat(Ascii.fold(plain)).isSameAs(plain);
        assertThat(Ascii.fold('é')).isEqualTo('e');
        assertThat(Ascii.isAscii("abc")).isTrue();
        assertThat(Ascii.isAscii("abé")).isFalse();
    }

    @Test
    void everyTextOfEveryLanguageFoldsToAscii() {
        for (Language language : Language.values()) {
            Texts t = Texts.of(language);
            for (String key : t.keys()) {
                String folded = Ascii.fold(t.get(key));
                assertThat(Ascii.isAscii(folded)).as(key).isTrue();
                assertThat(folded).as("%s keeps its length, so layouts hold", key).hasSameSizeAs(t.get(key));
                long questions = t.get(key).chars().filter(c -> c == '?' || c == '¿').count();
                assertThat(folded.chars().filter(c -> c == '?').count()).as("%s folds to something readable", key)
                        .isEqualTo(questions);
            }
        }
    }
}

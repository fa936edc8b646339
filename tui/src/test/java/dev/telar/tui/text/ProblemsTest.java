package dev.telar.tui.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The workloads' problems in the user's words: every code worded in every language, arguments and cause in place. */
class ProblemsTest {
    /** A placeholder of a problem's text: each takes one argument as text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");
    private static final Pattern ANY = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]");

    @Test
    void everyCodeHasATextInEveryLanguageWithAPlaceForEachArgumentAndItsCause() {
        for (Language language : Language.values()) {
            Texts t = Texts.of(language);
            for (ProblemCode code : ProblemCode.values()) {
                if (code == ProblemCode.NONE) {
                    assertThat(t.has(Problems.key(code))).as("no problem has no words").isFalse();
                    continue;
                }
                String key = Problems.key(code);
                assertThat(t.has(key)).as("%s (%s) in %s", code, key, language).isTrue();
                String text = t.get(key);
                int places = code.arity() + (code.caused() ? 1 : 0);
                assertThat(count(PLACEHOLDER, text)).as("%%s places of %s in %s: %s", key, language, text)
                        .isEqualTo(count(ANY, text)).isEqualTo(places);
                Problem sample = sample(code);
                String worded = Problems.text(sample, t);
                assertThat(worded).as("%s in %s", code, language).doesNotContain("??").doesNotContain("%");
                for (String arg : sample.args()) {
                    if (!code.argNames().get(sample.args().indexOf(arg)).equals(ProblemCode.EXIT)) {
                        assertThat(worded).as("%s in %s shows its argument %s", code, language, arg).contains(arg);
                    }
                }
            }
        }
    }

    @Test
    void theWordsAreTheUsersNotTheWorkloads() {
        Problem lost = Problem.of(ProblemCode.LAB_KILLED, 4242, 137);
        assertThat(Problems.text(lost, Texts.of(Language.EN))).isEqualTo("lab JVM 4242 lost: killed by SIGKILL (9)");
        assertThat(Problems.text(lost, Texts.of(Language.ES)))
                .isEqualTo("se perdió la JVM del laboratorio 4242: terminó por la señal SIGKILL (9)");
        assertThat(Problems.english(Problem.of(ProblemCode.LAB_OUT_OF_MEMORY, 77, 3)))
                .isEqualTo("lab JVM 77 lost: out of memory (exit code 3)");

        // A child's last words are its own problem, worded in turn; an exit code and a running child too.
        Problem full = Problem.of(ProblemCode.DISK_FULL_JOURNAL, "a-to-b", "/run/telar", "0 B", "260 KiB");
        Problem died = Problem.because(full, ProblemCode.EXCHANGE_CHILD_FAILED_SAYING, 0, 51, 1, 4, 9);
        assertThat(Problems.english(died)).isEqualTo("process 0 (pid 51) ended with exit code 1; 4 of the 9 messages it "
                + "sent were received (disk full: the journal of a-to-b on /run/telar has 0 B free, needs 260 KiB); "
                + "no total is reported");
        assertThat(Problems.text(died, Texts.of(Language.ES))).isEqualTo("el proceso 0 (pid 51) terminó con el código "
                + "de salida 1; se recibieron 4 de los 9 mensajes que envió (disco lleno: el diario de a-to-b en "
                + "/run/telar tiene 0 B libres y necesita 260 KiB); no se da ningún total");
        assertThat(Problems.english(Problem.of(ProblemCode.EXCHANGE_CHILD_DIED, 2, 52, "")))
                .isEqualTo("process 2 (pid 52) still running; no total is reported");
        assertThat(Problems.message(Problem.NONE)).isEqualTo(Message.NONE);
    }

    /** A problem of {@code code} with distinct arguments (an exit status where one is) and, when it takes one, a cause. */
    private static Problem sample(ProblemCode code) {
        List<Object> args = new ArrayList<>();
        for (String name : code.argNames()) {
            args.add(name.equals(ProblemCode.EXIT) ? "137" : "<" + name + "-" + args.size() + ">");
        }
        Problem cause = Problem.of(ProblemCode.ERROR, "<cause>");
        return code.caused() ? Problem.because(cause, code, args.toArray()) : Problem.of(code, args.toArray());
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text.replace("%%", ""));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void noTextOfAProblemIsLeftWithoutItsCode() {
        TreeSet<String> codes = new TreeSet<>();
        for (ProblemCode code : ProblemCode.values()) {
            codes.add(Problems.key(code));
        }
        for (String key : Texts.of(Language.EN).keys()) {
            if (key.startsWith("problem.") && !key.startsWith("problem.exit.")) {
                assertThat(codes).as("a code for the text %s", key).contains(key);
            }
        }
    }
}

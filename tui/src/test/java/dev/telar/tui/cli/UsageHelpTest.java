package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.probe.Probe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage bundles: the same keys and variables in both languages, a text from the bundles for
 * every command, option and parameter the help shows (an English text left in an annotation would
 * read the same in Spanish), and help that fits 80 columns in both languages.
 */
class UsageHelpTest {
    /** picocli's variables and java.util.Formatter specifiers other than %n and %%. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}|%(?![n%])[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]");

    private static CommandLine cli(Language language) {
        CommandLine cli = Cli.create(CliTest.env(false, Map.of()), null, Probe::live, language);
        cli.setUsageHelpAutoWidth(false);
        return cli;
    }

    /** The root command and every subcommand, at any depth. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            all.addAll(commands(sub));
        }
        return all;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndVariables() {
        ResourceBundle en = UsageHelp.bundle(Language.EN);
        ResourceBundle es = UsageHelp.bundle(Language.ES);
        Set<String> onlyEnglish = new TreeSet<>(en.keySet());
        onlyEnglish.removeAll(es.keySet());
        Set<String> onlySpanish = new TreeSet<>(es.keySet());
        onlySpanish.removeAll(en.keySet());
        assertThat(onlyEnglish).as("keys missing in Spanish").isEmpty();
        assertThat(onlySpanish).as("keys only in Spanish").isEmpty();
        for (String key : en.keySet()) {
            assertThat(placeholders(es.getString(key))).as("variables of %s", key).isEqualTo(placeholders(en.getString(key)));
            assertThat(es.getString(key)).as("%s in Spanish", key).isNotBlank();
        }
    }

    @Test
    void everyShownTextComesFromTheBundlesInBothLanguages() {
        List<CommandLine> english = commands(cli(Language.EN));
        List<CommandLine> spanish = commands(cli(Language.ES));
        assertThat(english).hasSizeGreaterThanOrEqualTo(5).hasSameSizeAs(spanish);
        for (int c = 0; c < english.size(); c++) {
            CommandSpec en = english.get(c).getCommandSpec();
            CommandSpec es = spanish.get(c).getCommandSpec();
            String name = en.qualifiedName();
            assertThat(String.join(" ", en.usageMessage().description())).as("description of %s", name).isNotBlank()
                    .isNotEqualTo(String.join(" ", es.usageMessage().description()));
            List<ArgSpec> enArgs = shown(en);
            List<ArgSpec> esArgs = shown(es);
            assertThat(enArgs).as("options of %s", name).hasSameSizeAs(esArgs);
            for (int i = 0; i < enArgs.size(); i++) {
                String what = name + " " + label(enArgs.get(i));
                String enText = String.join(" ", enArgs.get(i).description());
                assertThat(enText).as("English text of %s", what).isNotBlank();
                assertThat(String.join(" ", esArgs.get(i).description())).as("Spanish text of %s", what).isNotBlank()
                        .isNotEqualTo(enText);
            }
        }
    }

    @Test
    void helpFitsEightyColumnsInBothLanguages() {
        for (Language language : Language.values()) {
            for (CommandLine command : commands(cli(language))) {
                StringWriter out = new StringWriter();
                command.usage(new PrintWriter(out, true));
                for (String line : out.toString().split("\\R")) {
                    assertThat(line.length()).as("%s --help in %s: %s", command.getCommandSpec().qualifiedName(),
                            language, line).isLessThanOrEqualTo(80);
                }
            }
        }
    }

    @Test
    void parameterLabelsFollowTheLanguage() {
        StringWriter en = new StringWriter();
        cli(Language.EN).getSubcommands().get("run").usage(new PrintWriter(en, true));
        assertThat(en.toString()).contains("KERNEL", "--model=MODEL", "--cores=LIST");
        StringWriter es = new StringWriter();
        cli(Language.ES).getSubcommands().get("run").usage(new PrintWriter(es, true));
        assertThat(es.toString()).contains("CARGA", "--model=MODELO", "--cores=LISTA").doesNotContain("KERNEL");
    }

    /** The options and positional parameters the help lists, in order. */
    private static List<ArgSpec> shown(CommandSpec spec) {
        List<ArgSpec> args = new ArrayList<>();
        spec.options().stream().filter(o -> !o.hidden()).forEach(args::add);
        spec.positionalParameters().stream().filter(p -> !p.hidden()).forEach(args::add);
        return args;
    }

    private static String label(ArgSpec a) {
        return a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
    }

    private static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        Collections.sort(out);
        return out;
    }
}

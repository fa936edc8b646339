package dev.telar.tui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module may use which library, checked on the compiled main classes of all four modules
 * (the tui test class path holds config, native and workloads too).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.telar");
    }

    @Test
    void classesOfAllFourModulesWereImported() {
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("dev.telar.config"))
                .anyMatch(p -> p.startsWith("dev.telar.probe"))
                .anyMatch(p -> p.startsWith("dev.telar.workloads"))
                .anyMatch(p -> p.startsWith("dev.telar.tui"));
    }

    /** The rules below would pass on code that used none of the libraries; make sure the code does. */
    @Test
    void theGuardedLibrariesAreActuallyUsed() {
        assertThat(usesPackage("dev.telar.probe", "oshi.")).isTrue();
        assertThat(usesPackage("dev.telar.probe", "com.sun.jna.")).isTrue();
        assertThat(usesPackage("dev.telar.workloads", "net.openhft.")).isTrue();
        assertThat(usesPackage("dev.telar.tui", "com.googlecode.lanterna.")).isTrue();
        assertThat(usesPackage("dev.telar.config", "com.fasterxml.jackson.dataformat.yaml.")).isTrue();
    }

    @Test
    void yamlOnlyInTheConfig() {
        check(noClasses().that().resideOutsideOfPackage("dev.telar.config..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..", "org.yaml.."));
    }

    @Test
    void lanternaOnlyInTheTui() {
        check(noClasses().that().resideOutsideOfPackage("dev.telar.tui..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna.."));
    }

    @Test
    void oshiAndJnaOnlyInTheProbe() {
        check(noClasses().that().resideOutsideOfPackage("dev.telar.probe..")
                .should().dependOnClassesThat().resideInAnyPackage("oshi..", "com.sun.jna.."));
    }

    @Test
    void chronicleOnlyInTheWorkloads() {
        check(noClasses().that().resideOutsideOfPackage("dev.telar.workloads..")
                .should().dependOnClassesThat().resideInAPackage("net.openhft.."));
    }

    @Test
    void lowerModulesNeverReachIntoTheTui() {
        check(noClasses().that().resideInAnyPackage("dev.telar.probe..", "dev.telar.workloads..", "dev.telar.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.telar.tui.."));
    }

    @Test
    void theRulesCatchAViolation() {
        JavaClasses leaky = new ClassFileImporter().importClasses(dev.telar.archfixture.LeakyProbe.class);
        assertThatThrownBy(() -> noClasses().that().resideOutsideOfPackage("dev.telar.tui..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..").check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyProbe");
    }

    /**
     * No two top-level main classes of the four modules share a simple name, so that a name in a
     * sentence, a stack trace or a search means one class. Nested types (a panel's {@code Mode}, a
     * record's {@code Kind}) are named through their outer class and may repeat.
     */
    @Test
    void noTwoMainClassesShareASimpleName() {
        assertThat(sharedSimpleNames(classes.stream().filter(JavaClass::isTopLevelClass).toList())).isEmpty();
    }

    /** The check does find a shared name: the view's Mode and the sync primitives' Mode, both called Mode. */
    @Test
    void aSharedSimpleNameIsFound() {
        JavaClasses two = new ClassFileImporter().importClasses(dev.telar.tui.view.ViewState.Mode.class,
                dev.telar.workloads.sync.Mode.class);
        assertThat(sharedSimpleNames(two.stream().toList())).containsOnlyKeys("Mode");
    }

    /** Simple names held by more than one of {@code list}, each with the full names holding it. */
    private static Map<String, List<String>> sharedSimpleNames(List<JavaClass> list) {
        return list.stream()
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())))
                .entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    private static boolean usesPackage(String ownPackage, String libraryPrefix) {
        return classes.stream()
                .filter(c -> c.getPackageName().startsWith(ownPackage))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getName().startsWith(libraryPrefix));
    }
}

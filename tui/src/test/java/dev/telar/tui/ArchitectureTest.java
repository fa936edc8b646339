package dev.telar.tui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
        // OSHI is the probe's reference in native's tests only (see ProcHostFactsTest): not imported here.
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

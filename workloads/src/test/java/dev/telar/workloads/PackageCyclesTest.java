package dev.telar.workloads;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workloads' packages depend on one another in one direction only: a cycle (two packages
 * that each need the other) would mean neither can be understood, tested or moved alone. Checked
 * on the compiled main classes; a slice is a top-level package with its sub-packages
 * ({@code sync} holds {@code sync.process}, {@code sync.thread}, {@code sync.scenario}).
 */
class PackageCyclesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.telar.workloads");
    }

    /** The rule below passes on an empty import; make sure the packages it is about were read. */
    @Test
    void thePackagesWereImported() {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains("dev.telar.workloads.mechanism", "dev.telar.workloads.exchange",
                "dev.telar.workloads.race", "dev.telar.workloads.bench", "dev.telar.workloads.model",
                "dev.telar.workloads.run", "dev.telar.workloads.sync.process");
    }

    @Test
    void theWorkloadsPackagesAreFreeOfCycles() {
        cycleFree().check(classes);
    }

    /** The rule does catch a cycle: two test classes in two packages that use each other. */
    @Test
    void theRuleCatchesACycle() {
        JavaClasses cyclic = new ClassFileImporter().importClasses(
                dev.telar.workloads.cyclea.CycleA.class, dev.telar.workloads.cycleb.CycleB.class);
        assertThatThrownBy(() -> cycleFree().check(cyclic))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    private static ArchRule cycleFree() {
        return slices().matching("dev.telar.workloads.(*)..").should().beFreeOfCycles();
    }
}

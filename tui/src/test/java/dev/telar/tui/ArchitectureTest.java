package dev.telar.tui;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module may use which library, checked on the compiled main classes of all four modules
 * (the tui test class path holds config, native and workloads too); and inside the tui, that its
 * packages form layers without cycles:
 *
 * <pre>
 * cli    the command line and the jar's main class (Telar)   may use everything below
 * app    Dashboard (wires sampler, lab, terminal, loop)       may use loop, panel, view, shared, text
 * loop   the event loop and the terminal                       may use panel, view, text
 * panel  drawing: pure functions of the view state            may use view, shared, text
 * view   view state, key tables and the views' controllers    may use text
 * handout the lesson's handout: figures, Markdown, directory   may use chart, shared, text
 * chart  JFreeChart charts drawn headless (AWT)              may use text
 * shared dev.telar.tui itself: what cli and panels share      may use text
 *        (Verdict, IpcPlace, LessonWords)
 * text   words, units and ASCII folding                        uses no other tui package
 * </pre>
 *
 * Panels never use a controller (they only read the state the controllers keep). JFreeChart and
 * AWT stay in the chart and handout packages, which only the command line reaches: the dashboard
 * never loads AWT.
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
        assertThat(usesPackage("dev.telar.workloads", "org.apache.zookeeper.")).isTrue();
        assertThat(usesPackage("dev.telar.workloads", "org.apache.curator.")).isTrue();
        assertThat(usesPackage("dev.telar.tui", "com.googlecode.lanterna.")).isTrue();
        assertThat(usesPackage("dev.telar.tui.chart", "org.jfree.")).isTrue();
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
    void jfreeChartOnlyInTheChartsAndTheHandout() {
        check(noClasses().that().resideOutsideOfPackages("dev.telar.tui.chart..", "dev.telar.tui.handout..")
                .should().dependOnClassesThat().resideInAPackage("org.jfree.."));
    }

    /** AWT (which a chart loads) never in the dashboard's packages: only the command line's charts draw. */
    @Test
    void awtOnlyInTheCharts() {
        check(noClasses().that().resideOutsideOfPackages("dev.telar.tui.chart..", "dev.telar.tui.handout..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio.."));
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
    void zooKeeperAndCuratorOnlyInTheWorkloads() {
        check(noClasses().that().resideOutsideOfPackage("dev.telar.workloads..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.zookeeper..", "org.apache.curator.."));
    }

    @Test
    void lowerModulesNeverReachIntoTheTui() {
        check(noClasses().that().resideInAnyPackage("dev.telar.probe..", "dev.telar.workloads..", "dev.telar.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.telar.tui.."));
    }

    @Test
    void theTuiPackagesAreFreeOfCycles() {
        check(packageCycles("dev.telar.tui"));
    }

    @Test
    void theTuiIsLayered() {
        check(tuiLayers());
    }

    @Test
    void panelsNeverUseTheControllers() {
        check(noClasses().that().resideInAPackage("dev.telar.tui.panel..").should().dependOnClassesThat(or(
                resideInAPackage("dev.telar.tui.view").and(or(simpleNameEndingWith("Controller"), simpleName("Dispatcher"),
                        simpleName("LabLink"), simpleName("GlobalKeys"), simpleName("Sampling"), simpleName("JobView"))),
                resideInAPackage("dev.telar.tui.loop.."), resideInAPackage("dev.telar.tui.app.."))));
    }

    /** Each rule on the tui's packages fails on classes that break it. */
    @Test
    void thePackageRulesCatchAViolation() {
        JavaClasses cycle = new ClassFileImporter().importClasses(dev.telar.archfixture.cycle.left.Left.class,
                dev.telar.archfixture.cycle.right.Right.class);
        assertThatThrownBy(() -> packageCycles("dev.telar.archfixture.cycle").check(cycle))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Left").hasMessageContaining("Right");
        // A view class using a panel breaks the layers.
        JavaClasses upward = new ClassFileImporter().importPackages("dev.telar.tui.view", "dev.telar.tui.panel");
        assertThatThrownBy(() -> tuiLayers().withOptionalLayers(true).check(upward)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesUpFixture").hasMessageContaining("Frame");
    }

    /** No cycle between the packages directly under {@code root} (the root package itself being one). */
    private static ArchRule packageCycles(String root) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String name = c.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (name.startsWith(root + ".")) {
                    return SliceIdentifier.of(root + "." + name.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages directly under " + root;
            }
        }).should().beFreeOfCycles();
    }

    private static LayeredArchitecture tuiLayers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy("dev.telar.tui.text..")
                .layer("shared").definedBy("dev.telar.tui")
                .layer("view").definedBy("dev.telar.tui.view..")
                .layer("panel").definedBy("dev.telar.tui.panel..")
                .layer("loop").definedBy("dev.telar.tui.loop..")
                .layer("app").definedBy("dev.telar.tui.app..")
                .layer("chart").definedBy("dev.telar.tui.chart..")
                .layer("handout").definedBy("dev.telar.tui.handout..")
                .layer("cli").definedBy("dev.telar.tui.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("handout").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("handout", "cli")
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("loop").mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("panel").mayOnlyBeAccessedByLayers("loop", "app", "cli")
                .whereLayer("view").mayOnlyBeAccessedByLayers("panel", "loop", "app", "cli")
                .whereLayer("shared").mayOnlyBeAccessedByLayers("panel", "app", "handout", "cli")
                .whereLayer("text").mayOnlyBeAccessedByLayers("shared", "view", "panel", "loop", "app", "chart", "handout",
                        "cli");
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

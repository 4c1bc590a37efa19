package org.mnistlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering every engine package's {@code package-info.java} promises, checked on the compiled
 * main classes (as JabRef's {@code CommonArchitectureTest} does): one engine with no JavaFX in it,
 * and two faces over it, the CLI and the window.
 *
 * <p>The compiled classes miss what leaves no trace in bytecode (an unused import, a JavaFX
 * constant the compiler copied in), so the same package rules are also checked on the
 * {@code import} lines of {@code src/main/java}.
 */
@AnalyzeClasses(packages = "org.mnistlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The engine's packages: everything but the two faces (cli, ui) and the entry point. */
    private static final List<String> ENGINE_PACKAGES = List.of("data", "network", "training", "evaluation",
            "drawing", "storage", "backend", "inspection", "runs", "mydigits");
    private static final String[] ENGINE = ENGINE_PACKAGES.stream().map(p -> "org.mnistlab." + p + "..")
            .toArray(String[]::new);

    @ArchTest
    static final ArchRule engineUsesNoJavaFx = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
            .because("the engine runs headless under the CLI and in plain tests");

    @ArchTest
    static final ArchRule engineDoesNotKnowTheFaces = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("org.mnistlab.ui..", "org.mnistlab.cli..")
            .because("the window and the command line sit on top of the engine, not inside it");

    @ArchTest
    static final ArchRule cliDoesNotUseTheWindow = noClasses().that().resideInAPackage("org.mnistlab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.mnistlab.ui..")
            .because("commands run without a display");

    @ArchTest
    static final ArchRule awtOnlyInDrawing = noClasses().that().resideOutsideOfPackage("org.mnistlab.drawing..")
            .should().dependOnClassesThat().resideInAPackage("java.awt..")
            .because("images are read, drawn and written in one place; the window draws with JavaFX");

    @ArchTest
    static final ArchRule viewModelsKnowNoView = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
            .orShould().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a view-model is tested with plain JUnit, without a window");

    @Test
    void sourcesImportOnlyWhatTheirLayerAllows() throws IOException {
        List<String> wrong = new ArrayList<>();
        Path root = Path.of("src/main/java/org/mnistlab");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                String layer = pkg.isEmpty() ? "" : pkg.split("\\.")[0];
                for (String line : lines(f)) {
                    if (!line.startsWith("import ")) continue;
                    String imported = line.substring("import ".length()).replace("static ", "");
                    if (!allowed(layer, imported)) wrong.add(root.relativize(f) + ": " + line);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    private static boolean allowed(String layer, String imported) {
        boolean engine = ENGINE_PACKAGES.contains(layer);
        if (engine && (imported.startsWith("javafx.") || imported.startsWith("org.controlsfx.")
                || imported.startsWith("org.mnistlab.ui.") || imported.startsWith("org.mnistlab.cli."))) {
            return false;
        }
        if (layer.equals("cli") && imported.startsWith("org.mnistlab.ui.")) return false;
        return layer.equals("drawing") || !imported.startsWith("java.awt.");
    }

    /**
     * The positional constructor of {@link org.mnistlab.network.NetworkSpec} takes a dozen values,
     * five of them doubles side by side that still compile when swapped: everything, tests
     * included, builds specs by name through {@code NetworkSpec.builder()} or {@code toBuilder()}.
     */
    @Test
    void specsAreBuiltByName() throws IOException {
        String call = "new " + "NetworkSpec("; // split, so this file does not find itself
        List<String> positional = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.endsWith(Path.of("org/mnistlab/network/NetworkSpec.java")))
                        .forEach(f -> {
                            List<String> lines = lines(f);
                            for (int i = 0; i < lines.size(); i++) {
                                if (lines.get(i).contains(call)) positional.add(f + ":" + (i + 1));
                            }
                        });
            }
        }
        assertEquals(List.of(), positional);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

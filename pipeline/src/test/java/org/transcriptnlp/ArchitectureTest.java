package org.transcriptnlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package rules ({@link ArchitectureRules}) over the main classes of transforms and pipeline,
 * and over fixtures that break them (org.transcriptnlp.archfixture), to show that they catch what
 * they should.
 */
class ArchitectureTest {
  static final String ROOT = "org.transcriptnlp";
  static final String FIXTURES = ROOT + ".archfixture";

  /** Test classes packaged as a test-jar (transforms' -tests.jar in `mvn verify`). */
  static final ImportOption NO_TEST_JARS =
      location -> !location.matches(Pattern.compile(".*-tests\\.jar.*"));

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages(ROOT);
  }

  @TestFactory
  Stream<DynamicTest> mainCodeKeepsEveryRule() {
    return ArchitectureRules.all(ROOT).stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(main)));
  }

  @Test
  void importsTheMainClassesOfBothModulesAndNoTests() {
    assertTrue(main.contain("org.transcriptnlp.model.Turn"), "transforms' main classes");
    assertTrue(main.contain("org.transcriptnlp.pipeline.TranscriptNlp"), "pipeline's main classes");
    List<String> tests =
        main.stream()
            .map(JavaClass::getName)
            .filter(
                name ->
                    name.startsWith(FIXTURES)
                        || name.startsWith(ROOT + ".testing.")
                        || name.endsWith("Test")
                        || name.endsWith("IT"))
            .toList();
    assertTrue(tests.isEmpty(), "test classes imported: " + tests);
  }

  /** The layers are optional (for the fixtures); in the real code each has classes. */
  @Test
  void everyLayerHasClasses() {
    for (ArchitectureRules.Layer layer : ArchitectureRules.LAYERS) {
      String pkg = ROOT + "." + layer.pkg();
      String exact = pkg.endsWith("..") ? pkg.substring(0, pkg.length() - 2) : pkg;
      assertTrue(
          main.stream()
              .anyMatch(
                  c ->
                      c.getPackageName().equals(exact)
                          || (pkg.endsWith("..") && c.getPackageName().startsWith(exact + "."))),
          "layer " + layer.name() + " has no classes in " + pkg);
    }
  }

  @Test
  void cycleIsReported() {
    JavaClasses fixture = fixture("cycle");
    EvaluationResult result =
        ArchitectureRules.noPackageCycles(FIXTURES + ".cycle").evaluate(fixture);
    assertViolation(result, "archfixture.cycle.a.A", "archfixture.cycle.b.B");
  }

  @Test
  void upwardImportsAreReported() {
    String root = FIXTURES + ".upward";
    JavaClasses fixture = fixture("upward");
    assertViolation(
        ArchitectureRules.layers(root).evaluate(fixture),
        "upward.model.Record",
        "upward.parse.Parser",
        "upward.nlp.Tagger",
        "upward.pipeline.runs.RunLog",
        "upward.misc.Stray"); // in no layer
    assertViolation(
        ArchitectureRules.transformsWithoutPipeline(root).evaluate(fixture),
        "upward.nlp.Tagger",
        "upward.pipeline.runs.RunLog");
    // the same fixture has no cycle
    assertNoViolation(ArchitectureRules.noPackageCycles(root).evaluate(fixture));
  }

  @Test
  void forbiddenLibrariesAreReported() {
    String root = FIXTURES + ".library";
    JavaClasses fixture = fixture("library");
    assertViolation(
        ArchitectureRules.coreWithoutBeamOrCoreNlp(root).evaluate(fixture),
        "library.parse.Tokens",
        "edu.stanford.nlp.ling.CoreLabel",
        "org.apache.beam.sdk.values.KV");
    assertViolation(
        ArchitectureRules.coreNlpOnlyInNlp(root).evaluate(fixture),
        "library.parse.Tokens",
        "edu.stanford.nlp.ling.CoreLabel");
    assertViolation(
        ArchitectureRules.modelWithoutStorageLibraries(root).evaluate(fixture),
        "library.model.Row",
        "org.apache.parquet.schema.MessageType");
  }

  static JavaClasses fixture(String name) {
    return new ClassFileImporter().importPackages(FIXTURES + "." + name);
  }

  static void assertViolation(EvaluationResult result, String... mentioned) {
    assertTrue(result.hasViolation(), "no violation reported");
    String report = result.getFailureReport().toString();
    for (String text : mentioned) {
      assertTrue(report.contains(text), "the report does not name " + text + ":\n" + report);
    }
  }

  static void assertNoViolation(EvaluationResult result) {
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }
}

package org.transcriptnlp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package rules of transcript-nlp, as ArchUnit rules over a root package: {@code
 * org.transcriptnlp} for the real code ({@link ArchitectureTest}), a fixture package under {@code
 * org.transcriptnlp.archfixture} to show that each rule catches what it is meant to.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** One layer: its name, its package (relative to the root) and the layers it uses directly. */
  record Layer(String name, String pkg, List<String> uses) {}

  /**
   * The layers, lower to higher. A layer may use the layers it lists and, through them, every layer
   * below those; nothing else in the project (no upward or sideways import). Each layer is one
   * package with its sub-packages, except {@code pipeline}: only the top package (main, JobGraph,
   * usage, --explain), its sub-packages being layers of their own.
   */
  static final List<Layer> LAYERS =
      List.of(
          new Layer("model", "model..", List.of()),
          new Layer("io", "io..", List.of()),
          new Layer("parse", "parse..", List.of("model")),
          new Layer("formats", "formats..", List.of("parse")),
          new Layer("extract", "extract..", List.of("formats")),
          new Layer("quality", "quality..", List.of("extract")),
          new Layer("nlp", "nlp..", List.of("model")),
          new Layer("tables", "tables..", List.of("model", "io")),
          new Layer("beam", "beam..", List.of("extract", "nlp", "tables", "io", "model")),
          new Layer("pipeline.options", "pipeline.options..", List.of("beam")),
          new Layer("pipeline.runs", "pipeline.runs..", List.of("pipeline.options")),
          new Layer("pipeline.console", "pipeline.console..", List.of("pipeline.runs")),
          new Layer("pipeline.report", "pipeline.report..", List.of("pipeline.runs")),
          new Layer("pipeline", "pipeline", List.of("pipeline.console", "pipeline.report")));

  /**
   * The benchmark (module {@code bench}, package {@code bench}): above everything, used by nothing
   * (no module depends on it, so its classes are not on this module's class path; the rules still
   * place it). It runs plain CoreNLP as the baseline it measures the job against, so it is the one
   * exception to {@link #coreNlpOnlyInNlp}.
   */
  static final String[] BENCH = {"bench.."};

  /** The packages of the transforms module. */
  static final String[] TRANSFORMS = {
    "model..",
    "parse..",
    "formats..",
    "extract..",
    "quality..",
    "nlp..",
    "io..",
    "tables..",
    "beam.."
  };

  /** No cycles between packages: each package (sub-packages included) is a slice of its own. */
  static ArchRule noPackageCycles(String root) {
    return slices()
        .matching(root + ".(**)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .as("no package cycles among the packages under " + root + " (each package its own slice)");
  }

  /**
   * {@link #LAYERS}: nothing imports a layer above it or beside it, and every class is in a layer
   * (a new package must be placed).
   */
  static ArchRule layers(String root) {
    Map<String, Set<String>> below = new LinkedHashMap<>();
    for (Layer layer : LAYERS) {
      Set<String> reach = new LinkedHashSet<>();
      for (String used : layer.uses()) {
        reach.add(used);
        reach.addAll(below.get(used)); // LAYERS is ordered lower to higher
      }
      below.put(layer.name(), reach);
    }
    LayeredArchitecture arch =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .withOptionalLayers(true);
    for (Layer layer : LAYERS) {
      arch = arch.layer(layer.name()).definedBy(root + "." + layer.pkg());
    }
    arch = arch.layer("bench").definedBy(in(root, BENCH));
    StringBuilder text = new StringBuilder("layers, lower to higher, nothing imports upward:");
    for (Layer layer : LAYERS) {
      Set<String> reach = below.get(layer.name());
      arch =
          reach.isEmpty()
              ? arch.whereLayer(layer.name()).mayNotAccessAnyLayer()
              : arch.whereLayer(layer.name()).mayOnlyAccessLayers(reach.toArray(String[]::new));
      text.append(' ').append(layer.name()).append(" -> ").append(reach).append(';');
    }
    List<String> all = new ArrayList<>(below.keySet());
    arch =
        arch.whereLayer("bench")
            .mayOnlyAccessLayers(all.toArray(String[]::new))
            .whereLayer("bench")
            .mayNotBeAccessedByAnyLayer();
    text.append(" bench -> everything, nothing -> bench; every class in a layer (under ")
        .append(root)
        .append(')');
    return arch.as(text.toString());
  }

  /** The text-only core (model, parse, formats, extract) imports neither Beam nor CoreNLP. */
  static ArchRule coreWithoutBeamOrCoreNlp(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(in(root, "model..", "parse..", "formats..", "extract.."))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.beam..", "edu.stanford.nlp..")
        .as(
            "model, parse, formats and extract import neither Beam (org.apache.beam..) nor CoreNLP"
                + " (edu.stanford.nlp..) (under "
                + root
                + ")");
  }

  /** The records in model stay plain Java: no table or file-system library either. */
  static ArchRule modelWithoutStorageLibraries(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.iceberg..", "org.apache.parquet..", "org.apache.hadoop..")
        .as(
            "model imports no Iceberg, Parquet or Hadoop (org.apache.iceberg..,"
                + " org.apache.parquet.., org.apache.hadoop..) (under "
                + root
                + ")");
  }

  /** Only nlp talks to CoreNLP (and the benchmark, whose baseline is plain CoreNLP). */
  static ArchRule coreNlpOnlyInNlp(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".nlp..")
        .and()
        .resideOutsideOfPackages(in(root, BENCH))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("edu.stanford.nlp..")
        .as(
            "nothing under "
                + root
                + " but nlp imports CoreNLP (edu.stanford.nlp..); exception: the benchmark"
                + " (bench), whose baseline is plain CoreNLP");
  }

  /** The transforms module does not know the pipeline module. */
  static ArchRule transformsWithoutPipeline(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(in(root, TRANSFORMS))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".pipeline..")
        .as(
            "the transforms packages (model, parse, formats, extract, quality, nlp, io, tables,"
                + " beam) import nothing of pipeline.. (under "
                + root
                + ")");
  }

  /** Every rule, for a root package. */
  static List<ArchRule> all(String root) {
    return List.of(
        noPackageCycles(root),
        layers(root),
        coreWithoutBeamOrCoreNlp(root),
        modelWithoutStorageLibraries(root),
        coreNlpOnlyInNlp(root),
        transformsWithoutPipeline(root));
  }

  static String[] in(String root, String... packages) {
    String[] out = new String[packages.length];
    for (int i = 0; i < packages.length; i++) {
      out[i] = root + "." + packages[i];
    }
    return out;
  }
}

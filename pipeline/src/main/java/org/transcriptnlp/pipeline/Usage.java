package org.transcriptnlp.pipeline;

import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.runners.PipelineRunnerRegistrar;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.runs.RunCommit;

/**
 * What the command line says about itself: {@code --help}, {@code --version}, the required options
 * a command lacks, and a {@code --runner} that this jar was built without.
 */
final class Usage {
  static final String USAGE =
      "usage: java -jar transcript-nlp.jar --input=GLOB[,GLOB...] --output=DIR [options]\n"
          + "       java -jar transcript-nlp.jar --explain=GLOB [--format=...]\n"
          + "       java -jar transcript-nlp.jar --output=DIR --export=DIR | --mode=maintain\n"
          + "       java -jar transcript-nlp.jar --help[=OptionsInterface] | --version";

  /** Runners that are Maven profiles of this project: the profile that puts each in the jar. */
  private static final Map<String, String> RUNNER_PROFILES =
      Map.of("FlinkRunner", "flink", "SparkRunner", "spark");

  /**
   * Beam options that users of this job tune, with the runner they belong to (class names, loaded
   * if present).
   */
  private static final List<String[]> RUNNER_OPTIONS =
      List.of(
          new String[] {
            "org.apache.beam.runners.direct.DirectOptions", "targetParallelism", "Direct Runner"
          },
          new String[] {
            "org.apache.beam.runners.flink.FlinkPipelineOptions", "flinkMaster", "Flink runner"
          },
          new String[] {
            "org.apache.beam.runners.flink.FlinkPipelineOptions", "parallelism", "Flink runner"
          },
          new String[] {
            "org.apache.beam.runners.spark.SparkPipelineOptions", "sparkMaster", "Spark runner"
          });

  private Usage() {}

  /**
   * The runners in this jar, by simple class name (DirectRunner, and FlinkRunner/SparkRunner with
   * their profiles).
   */
  static List<String> runners() {
    TreeSet<String> names = new TreeSet<>();
    for (PipelineRunnerRegistrar registrar : ServiceLoader.load(PipelineRunnerRegistrar.class)) {
      for (Class<? extends PipelineRunner<?>> runner : registrar.getPipelineRunners()) {
        names.add(runner.getSimpleName());
      }
    }
    return List.copyOf(names);
  }

  /** One line: this build's version, Beam's and CoreNLP's, and its runners. */
  static String version() {
    Properties p = RunCommit.buildProperties();
    return "transcript-nlp "
        + p.getProperty("version", "unknown")
        + " (Apache Beam "
        + p.getProperty("beam", "unknown")
        + ", Stanford CoreNLP "
        + p.getProperty("corenlp", "unknown")
        + "; runners in this jar: "
        + String.join(", ", runners())
        + ")";
  }

  /**
   * The whole help: usage, the job's options, the runner options users tune, and where the rest
   * are.
   */
  static void printHelp(PrintStream out) {
    out.println(
        "transcript-nlp: speaker turns, Q/A pairs, CoreNLP sentiment and entities -> Parquet"
            + " tables");
    out.println(USAGE);
    out.println();
    out.println("Options (required first):");
    List<Method> options = ownGetters();
    options.sort(
        Comparator.comparing((Method m) -> m.getAnnotation(Validation.Required.class) == null)
            .thenComparing(Usage::optionName));
    options.forEach(m -> printOption(out, m, null));
    out.println();
    out.println("Runner options:");
    out.println("  --runner=<Runner>");
    out.println("    Default: DirectRunner");
    out.println(
        "    In this jar: "
            + String.join(", ", runners())
            + ". FlinkRunner and SparkRunner come with the Maven");
    out.println("    profiles -Pflink and -Pspark (mvn -q -DskipTests -Pflink,spark package).");
    for (String[] o : RUNNER_OPTIONS) {
      try {
        Class<?> iface = Class.forName(o[0]);
        for (Method m : getters(iface)) {
          if (optionName(m).equals(o[1]) && m.getDeclaringClass() == iface) {
            printOption(out, m, o[2]);
          }
        }
      } catch (ClassNotFoundException e) {
        // That runner is not in this jar.
      }
    }
    out.println();
    out.println(
        "Every other Beam option is accepted too; --help=<interface> lists one interface's"
            + " options,");
    out.println(
        "e.g. --help=DirectOptions"
            + (runners().contains("FlinkRunner") ? " or --help=FlinkPipelineOptions" : "")
            + (runners().contains("SparkRunner") ? " or --help=SparkPipelineOptions" : "")
            + ".");
  }

  /**
   * The options of one registered options interface (--help=DirectOptions), as Beam prints them;
   * false if unknown.
   */
  static boolean printHelp(PrintStream out, String name) {
    for (Class<? extends PipelineOptions> iface : PipelineOptionsFactory.getRegisteredOptions()) {
      if (iface.getSimpleName().equalsIgnoreCase(name) || iface.getName().equals(name)) {
        PipelineOptionsFactory.printHelp(out, iface);
        return true;
      }
    }
    return false;
  }

  /**
   * Prints the required options a command does not give, each with its whole description, and the
   * usage; returns whether any is missing.
   */
  static boolean reportMissing(String[] args, PrintStream err) {
    List<Method> missing = new ArrayList<>();
    for (Method m : ownGetters()) {
      String name = optionName(m);
      if (m.getAnnotation(Validation.Required.class) != null
          && Arrays.stream(args)
              .noneMatch(a -> a.startsWith("--" + name + "=") || a.equals("--" + name))) {
        missing.add(m);
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    missing.sort(Comparator.comparing(Usage::optionName));
    err.println(
        "transcript-nlp: missing "
            + String.join(" and ", missing.stream().map(m -> "--" + optionName(m)).toList())
            + (missing.size() > 1 ? ", which are required" : ", which is required"));
    missing.forEach(m -> printOption(err, m, null));
    err.println(USAGE);
    err.println("Run with --help to list every option.");
    return true;
  }

  /**
   * A {@code --runner} this jar lacks, explained: which profile builds it in, or which runners the
   * jar has. Empty when the runner is in the jar or no runner is named.
   */
  static Optional<String> runnerNotInJar(String[] args) {
    List<String> have = runners();
    for (String a : args) {
      if (!a.startsWith("--runner=")) {
        continue;
      }
      String value = a.substring("--runner=".length()).strip();
      String simple = value.substring(value.lastIndexOf('.') + 1);
      String runner =
          simple.toLowerCase(Locale.ROOT).endsWith("runner") ? simple : simple + "Runner";
      if (have.stream().anyMatch(r -> r.equalsIgnoreCase(runner))) {
        return Optional.empty();
      }
      for (Map.Entry<String, String> p : RUNNER_PROFILES.entrySet()) {
        if (p.getKey().equalsIgnoreCase(runner)) {
          return Optional.of(
              "--runner="
                  + value
                  + ": this jar was built without the "
                  + p.getKey()
                  + " (it has "
                  + String.join(", ", have)
                  + "); build it in with the Maven profile -P"
                  + p.getValue()
                  + ": mvn -q -DskipTests -P"
                  + p.getValue()
                  + " package");
        }
      }
      return Optional.of(
          "--runner="
              + value
              + " is not a runner of this jar: it has "
              + String.join(", ", have)
              + " (FlinkRunner and SparkRunner come with the Maven profiles -Pflink and -Pspark)");
    }
    return Optional.empty();
  }

  private static List<Method> getters(Class<?> iface) {
    List<Method> getters = new ArrayList<>();
    for (Method m : iface.getMethods()) {
      if (m.getParameterCount() == 0
          && m.getAnnotation(Description.class) != null
          && (m.getName().startsWith("get") || m.getName().startsWith("is"))) {
        getters.add(m);
      }
    }
    return getters;
  }

  /** The job's own options (not those of Beam's interfaces it extends). */
  private static List<Method> ownGetters() {
    List<Method> own = new ArrayList<>(getters(TranscriptNlpOptions.class));
    own.removeIf(m -> m.getDeclaringClass() != TranscriptNlpOptions.class);
    return own;
  }

  private static String optionName(Method getter) {
    String n =
        getter.getName().startsWith("is")
            ? getter.getName().substring(2)
            : getter.getName().substring(3);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static void printOption(PrintStream out, Method m, String runner) {
    String type =
        m.getReturnType().isPrimitive()
            ? m.getReturnType().getName()
            : m.getReturnType().getSimpleName();
    out.println(
        "  --" + optionName(m) + "=<" + type + ">" + (runner == null ? "" : "   (" + runner + ")"));
    if (m.getAnnotation(Validation.Required.class) != null) {
      out.println("    Required");
    }
    defaultOf(m).ifPresent(d -> out.println("    Default: " + d));
    for (String line : wrap(m.getAnnotation(Description.class).value(), 76)) {
      out.println("    " + line);
    }
  }

  /** The value of a {@code @Default.*} annotation, or of the factory that computes it. */
  private static Optional<String> defaultOf(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().getEnclosingClass() == Default.class) {
        try {
          Object value = a.annotationType().getMethod("value").invoke(a);
          // @Default.InstanceFactory: computed when the job starts (its description says how).
          String shown = value instanceof Class<?> ? "computed at start" : String.valueOf(value);
          return Optional.of(shown.isEmpty() ? "(none)" : shown);
        } catch (ReflectiveOperationException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}

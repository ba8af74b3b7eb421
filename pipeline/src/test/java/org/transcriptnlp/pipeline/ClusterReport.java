package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.transcriptnlp.testing.Fixtures;

/**
 * What each cluster test measured, one Markdown row per run: wall time, the model loads per worker
 * JVM (from its log) and the peak RSS per JVM. Printed as it comes, and appended to {@code
 * pipeline/target/it-clusters/report.md}.
 */
final class ClusterReport {
  private ClusterReport() {}

  static synchronized void add(
      String runner,
      String run,
      double seconds,
      Map<String, List<String>> loadsPerJvm,
      Map<String, Long> peakRssMb) {
    String loads =
        loadsPerJvm.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    e.getKey()
                        + ": "
                        + e.getValue().size()
                        + " ("
                        + String.join(", ", e.getValue())
                        + ")")
            .collect(Collectors.joining("; "));
    String rss =
        peakRssMb.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue() + " MB")
            .collect(Collectors.joining("; "));
    String row =
        String.format(
            Locale.ROOT, "| %s | %s | %.1f | %s | %s |", runner, run, seconds, loads, rss);
    System.out.println("cluster report: " + row);
    Path file = Fixtures.path("pipeline/target/it-clusters/report.md");
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(
            file,
            "| runner | run | wall (s) | model loads per worker JVM | peak RSS per JVM |\n"
                + "|---|---|---|---|---|\n");
      }
      Files.writeString(file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

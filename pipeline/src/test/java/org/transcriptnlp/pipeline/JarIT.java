package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/** The runnable jar as the README runs it: {@code java -jar pipeline/target/transcript-nlp.jar}. */
class JarIT {
  @TempDir Path dir;

  private static Path jar() {
    return Fixtures.path("pipeline/target/transcript-nlp.jar");
  }

  private record Exit(int code, String out) {}

  private static Exit java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(new File(Fixtures.root().toString())).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    return new Exit(p.exitValue(), out);
  }

  @Test
  void runsOnTheSamplesFromTheRepositoryRoot() throws Exception {
    assertTrue(Files.isRegularFile(jar()), "package the jar first: " + jar());
    Path out = dir.resolve("out");
    Exit e = java("--input=samples/transcripts/*", "--output=" + out, "--annotators=none");
    assertEquals(0, e.code(), e.out());
    assertTrue(e.out().contains("files: 3 matched = 3 processed + 0 rejected"), e.out());
    for (String table : List.of("answers", "sentences", "entities", "turns", "rejects")) {
      try (var files = Files.list(out.resolve(table))) {
        assertEquals(1, files.filter(f -> f.toString().endsWith(".parquet")).count(), table);
      }
    }
  }

  @Test
  void fatalProblemsExitNonZeroWithOneLine() throws Exception {
    Exit e = java("--input=no/such/*.txt", "--output=" + dir.resolve("out"));
    assertEquals(TranscriptNlp.USAGE, e.code());
    assertEquals("transcript-nlp: no file matched --input=no/such/*.txt", e.out().strip());
    Exit help = java("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--annotators"));
  }
}

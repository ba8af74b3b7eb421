package org.transcriptnlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.io.BoundedRead;
import org.transcriptnlp.model.AnswerUnit;

/**
 * A synthetic archive for the bench, made of the real transcripts in {@code samples/transcripts}
 * and {@code ../shared/corpus}: transcript i is source i mod K, copied under its own name, so N can
 * be 10, 100 or 1000 and the mix of formats and lengths stays that of the real ones.
 */
final class Archive {
  /** The job's default limits (--maxFileMegabytes, --maxCompressionRatio). */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final int MAX_RATIO = 100;

  private Archive() {}

  /** The real transcripts that give at least one answer, in a fixed order. */
  static List<Path> sources(Path root) throws IOException {
    List<Path> candidates = new ArrayList<>();
    for (Path dir :
        List.of(
            root.resolve("samples/transcripts"), root.resolve("../shared/corpus").normalize())) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.walk(dir)) {
          files
              .filter(Files::isRegularFile)
              .filter(
                  f ->
                      !f.getFileName()
                          .toString()
                          .matches("(?i)(MANIFEST\\.tsv|README.*|SOURCES.*|LICEN[CS]E.*)"))
              .sorted()
              .forEach(candidates::add);
        }
      }
    }
    List<Path> usable = new ArrayList<>();
    for (Path f : candidates) {
      if (!answers(f).isEmpty()) {
        usable.add(f);
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalStateException(
          "no transcript with answers under " + root + "/samples/transcripts or ../shared/corpus");
    }
    return usable;
  }

  /** Writes n transcripts into {@code dir}, cycling through the sources. */
  static void write(List<Path> sources, int n, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      Path source = sources.get(i % sources.size());
      Files.copy(
          source,
          dir.resolve(String.format("%05d-%s", i, source.getFileName())),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Writes each answer text of the archive (at most maxChars long) to its own file; returns how
   * many.
   */
  static int extractAnswers(Path archive, Path out, int maxChars) throws IOException {
    Files.createDirectories(out);
    int n = 0;
    try (var files = Files.list(archive)) {
      for (Path f : files.sorted().toList()) {
        for (String text : answers(f)) {
          if (text.length() <= maxChars) {
            Files.writeString(
                out.resolve(String.format("%07d.txt", n++)), text, StandardCharsets.UTF_8);
          }
        }
      }
    }
    return n;
  }

  /** The answer texts of one file, read, decoded, parsed and paired as the job does. */
  static List<String> answers(Path file) throws IOException {
    try {
      byte[] bytes =
          BoundedRead.readFile(
              FileSystems.matchSingleFileSpec(file.toString()), MAX_BYTES, MAX_RATIO);
      return new Extraction()
          .answers(file.toString(), file.getFileName().toString(), bytes).stream()
              .map(AnswerUnit::answerText)
              .toList();
    } catch (BoundedRead.Refused | Extraction.Rejected | RuntimeException e) {
      return List.of(); // the job would reject it: no answers to bench
    }
  }
}

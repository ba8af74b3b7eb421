package org.transcriptnlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * The bench's synthetic archive: real transcripts cycled to N, and their answers as the job finds
 * them.
 */
class ArchiveTest {
  @TempDir Path dir;

  @Test
  void cyclesTheRealTranscriptsAndExtractsTheJobsAnswers() throws Exception {
    List<Path> sources = Archive.sources(Fixtures.root());
    assertTrue(
        sources.contains(Fixtures.seed().toAbsolutePath().normalize())
            || sources.stream()
                .anyMatch(p -> p.getFileName().equals(Fixtures.seed().getFileName())),
        sources.toString());
    int n = sources.size() + 2;
    Archive.write(sources, n, dir.resolve("archive"));
    try (var files = Files.list(dir.resolve("archive"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(n, names.size());
      assertEquals("00000-" + sources.get(0).getFileName(), names.get(0));
      assertEquals(
          String.format("%05d-%s", sources.size(), sources.get(0).getFileName()),
          names.get(sources.size()));
    }
    assertEquals(
        26, Archive.answers(Fixtures.seed()).size(), "the seed's 26 answers, as in the tables");
    Path one = Files.createDirectories(dir.resolve("one"));
    Files.copy(Fixtures.seed(), one.resolve("seed.txt"));
    assertEquals(26, Archive.extractAnswers(one, dir.resolve("answers"), 100_000));
    assertEquals(
        Archive.answers(Fixtures.seed()).get(0),
        Files.readString(dir.resolve("answers/0000000.txt")));
  }
}

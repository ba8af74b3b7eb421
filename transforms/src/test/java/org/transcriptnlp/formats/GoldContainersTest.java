package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.parse.StageDirections;
import org.transcriptnlp.parse.TurnParser;
import org.transcriptnlp.quality.Gold;
import org.transcriptnlp.testing.Fixtures;

/**
 * The real samples in containers other than plain text, Markdown and HTML (JSON, XML, Word, PDF,
 * CSV/TSV, captions) against their gold files: read through {@link TranscriptFiles} exactly as the
 * job reads them and split into turns, the readers keep the speech (every checked sentence is in
 * some turn) and leave the furniture out (no page header, footer, line number, title or note the
 * gold lists as non-speech is in any turn). Who speaks each sentence, and the counts, are scored
 * over every gold file by {@code quality.GoldTest}. Prints every problem found.
 */
class GoldContainersTest {
  private static final Path CORPUS = Fixtures.path("transforms/src/test/resources/corpus");
  private static final Path GOLD = Fixtures.path("transforms/src/test/resources/gold");

  private static int files;
  private static int checks;
  private static int found;
  private static int furnitureInTurns;
  private static final List<String> emptyFiles = new ArrayList<>();

  @BeforeAll
  static void read() throws Exception {
    List<Path> golds;
    try (Stream<Path> all = Files.walk(GOLD)) {
      golds =
          all.map(Path::toString)
              .filter(
                  g ->
                      g.matches("(?i).*\\.(?:json|xml|csv|tsv|nlp|docx|pdf|vtt|srt)\\.gold\\.json$")
                          || g.contains("/csv/"))
              .sorted()
              .map(Path::of)
              .toList();
    }
    for (Path g : golds) {
      Gold gold = Gold.read(g);
      Path path = CORPUS.resolve(gold.file());
      TranscriptFiles.Read read =
          TranscriptFiles.read(path.getFileName().toString(), Files.readAllBytes(path), null);
      ParsedTranscript parsed = new TurnParser().parseBlocks(read.blocks());
      List<String> texts = parsed.turns().stream().map(Turn::text).map(Gold::key).toList();
      List<String> raw =
          parsed.turns().stream().map(t -> t.text().replaceAll("\\s+", " ")).toList();
      files++;
      if (parsed.turns().isEmpty()) {
        emptyFiles.add(gold.file());
      }
      List<String> problems = new ArrayList<>();
      for (Gold.Check c : gold.checks()) {
        checks++;
        String snippet = Gold.key(StageDirections.split(c.snippet()).speech());
        if (texts.stream().anyMatch(t -> t.contains(snippet))) {
          found++;
        } else {
          problems.add("not in any turn: \"" + c.snippet() + "\"");
        }
      }
      for (String n : gold.nonSpeech()) {
        String line = n.replaceAll("\\s+", " ").strip();
        if (!line.isEmpty() && raw.stream().anyMatch(t -> t.contains(line))) {
          furnitureInTurns++;
          problems.add("non-speech in a turn: \"" + n + "\"");
        }
      }
      System.out.printf(
          "%s (read as %s, %s): %d turns%s%n",
          gold.file(),
          read.format().value(),
          read.source(),
          parsed.turns().size(),
          problems.isEmpty() ? "" : "\n  - " + String.join("\n  - ", problems));
    }
  }

  @Test
  void everySampleIsRead() {
    assertTrue(files >= 30, files + " container samples");
    assertEquals(List.of(), emptyFiles, "samples that gave no turn");
  }

  @Test
  void theReadersKeepTheSpeech() {
    assertTrue(
        found * 100 >= checks * 98, found + " of " + checks + " checked sentences in a turn");
  }

  @Test
  void theReadersLeaveTheFurnitureOut() {
    assertTrue(furnitureInTurns <= 12, furnitureInTurns + " non-speech lines inside turns");
  }
}

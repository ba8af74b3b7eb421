package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.parse.QaPairer;
import org.transcriptnlp.parse.StageDirections;
import org.transcriptnlp.parse.TurnParser;
import org.transcriptnlp.testing.Fixtures;

/**
 * The real container samples (JSON, XML, DOCX, PDF, CSV ...) against their gold files, written by
 * reading each transcript by hand: read through {@link TranscriptFiles} exactly as the job reads
 * them, then split into turns, the number of turns is within the gold's tolerance,
 * every checked sentence is in a turn of its speaker (by name or one of the labels the gold lists),
 * and no non-speech line (page header, footer, line number, title, stage direction) is in any turn.
 */
class GoldContainersTest {
  private static final Path CORPUS = Fixtures.path("transforms/src/test/resources/corpus");
  private static final Path GOLD = Fixtures.path("transforms/src/test/resources/gold");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> golds() throws Exception {
    try (Stream<Path> all = Files.walk(GOLD)) {
      return all.filter(p -> p.toString().endsWith(".gold.json")).map(p -> GOLD.relativize(p).toString()).sorted()
          .toList().stream();
    }
  }

  private static String ws(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golds")
  void readsAsTheGoldSays(String goldFile) throws Exception {
    JsonNode gold = JSON.readTree(GOLD.resolve(goldFile).toFile());
    String file = gold.get("file").asText();
    Path path = CORPUS.resolve(file);
    TranscriptFiles.Read read = TranscriptFiles.read(path.getFileName().toString(), Files.readAllBytes(path), null);
    ParsedTranscript parsed = new TurnParser().parseBlocks(read.blocks());
    int answers = QaPairer.pair(parsed.turns()).size();
    List<Turn> turns = parsed.turns();
    List<String> texts = turns.stream().map(t -> ws(t.text())).toList();

    List<String> problems = new ArrayList<>();
    if (turns.isEmpty() && !unnamedOf(read).isEmpty()) {
      // Every turn is marked only as a change of an unnamed speaker (broadcast captions' ">>"): what
      // the reader found is checked on its blocks until the turn parser splits turns there.
      List<String> unnamed = unnamedOf(read);
      int expected = gold.get("turns").get("count").asInt();
      int slack = gold.get("turns").get("tolerance").asInt();
      if (Math.abs(unnamed.size() - expected) > slack) {
        problems.add(unnamed.size() + " changes of speaker, gold " + expected + " turns ± " + slack);
      }
      for (JsonNode check : gold.get("checks")) {
        String snippet = ws(check.get("snippet").asText());
        if (unnamed.stream().noneMatch(u -> u.contains(snippet))) {
          problems.add("not in any block: '" + snippet + "'");
        }
      }
      for (JsonNode n : gold.get("nonSpeech")) {
        if (unnamed.stream().anyMatch(u -> u.contains(ws(n.asText())))) {
          problems.add("non-speech in a block: '" + n.asText() + "'");
        }
      }
      assertEquals(List.of(), problems, file + " read as " + read.format().value());
      System.out.printf("%s: %d changes of an unnamed speaker (gold %d turns); no turn until the parser splits there%n",
          file, unnamed.size(), expected);
      return;
    }
    int expectedTurns = gold.get("turns").get("count").asInt();
    int turnSlack = gold.get("turns").get("tolerance").asInt();
    // Utterances of an unnamed speaker are read as Block.speakerChange; until the turn parser splits
    // turns there, each may leave up to two turns merged (its own and the one it interrupts).
    List<String> unnamed = read.blocks().stream().filter(b -> b.speakerChange() && b.speaker() == null)
        .map(b -> ws(b.text())).toList();
    boolean splitAtChanges = unnamed.isEmpty() || turns.size() >= expectedTurns - turnSlack;
    if (turns.size() > expectedTurns + turnSlack
        || turns.size() < expectedTurns - turnSlack - (splitAtChanges ? 0 : 2 * unnamed.size())) {
      problems.add(turns.size() + " turns, gold " + expectedTurns + " ± " + turnSlack);
    }
    // Answers depend on role inference and pairing (parse/), not on reading: reported, not checked.
    System.out.printf("%s: %d turns (gold %d), %d answers (gold %d)%n", file, turns.size(), expectedTurns, answers,
        gold.get("answers").get("count").asInt());
    for (JsonNode check : gold.get("checks")) {
      // As the turn parser keeps it: stage directions ([chuckles]) taken out of the speech.
      String snippet = ws(StageDirections.split(check.get("snippet").asText()).speech());
      Set<String> names = names(gold, check.get("speaker").asText());
      List<String> speakers = new ArrayList<>();
      for (int i = 0; i < turns.size(); i++) {
        if (texts.get(i).contains(snippet)) {
          speakers.add(turns.get(i).speaker());
        }
      }
      if (speakers.isEmpty()) {
        problems.add("not in any turn: '" + snippet + "' (" + check.get("speaker").asText() + ")");
      } else if (speakers.stream().noneMatch(s -> names.contains(s.toLowerCase(Locale.ROOT)))
          && !(check.get("speaker").asText().toLowerCase(Locale.ROOT).contains("unknown")
              && unnamed.stream().anyMatch(u -> u.contains(snippet)))) {
        problems.add("'" + snippet + "' is in a turn of " + speakers + ", gold " + check.get("speaker").asText());
      }
    }
    for (JsonNode n : gold.get("nonSpeech")) {
      String line = ws(n.asText());
      for (int i = 0; i < turns.size(); i++) {
        if (texts.get(i).contains(line)) {
          problems.add("non-speech in turn " + i + " (" + turns.get(i).speaker() + "): '" + line + "'");
        }
      }
    }
    assertEquals(List.of(), problems, file + " read as " + read.format().value() + " (" + read.source() + ")");
    assertFalse(turns.isEmpty());
    assertTrue(turns.stream().noneMatch(t -> t.text().isBlank()), file + ": an empty turn");
  }

  private static List<String> unnamedOf(TranscriptFiles.Read read) {
    return read.blocks().stream().filter(b -> b.speakerChange() && b.speaker() == null).map(b -> ws(b.text())).toList();
  }

  /** The gold speaker's name and labels, lower case. */
  private static Set<String> names(JsonNode gold, String speaker) {
    Set<String> names = new HashSet<>();
    names.add(speaker.toLowerCase(Locale.ROOT));
    for (JsonNode s : gold.get("speakers")) {
      if (s.get("name").asText().equals(speaker)) {
        for (JsonNode l : s.get("labels")) {
          names.add(l.asText().toLowerCase(Locale.ROOT));
          if (l.asText().matches("\\d{1,3}|\\p{L}")) {
            names.add("speaker " + l.asText().toLowerCase(Locale.ROOT)); // a numeric id as the readers name it
          }
        }
      }
    }
    return names;
  }
}

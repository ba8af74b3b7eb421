package org.transcriptnlp.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * Scores the parser against every gold file (transforms/src/test/resources/gold/: real transcripts
 * annotated by reading them, independently of the parser) and prints the per-file table. Fails when
 * the totals fall below the floors set from what the parser reaches, so a change that breaks
 * attribution on real transcripts cannot pass unnoticed.
 *
 * <p>Print the table with its details: {@code mvn -q -pl transforms test -Dtest=GoldTest}; or,
 * after {@code mvn package}, {@code java -cp pipeline/target/transcript-nlp.jar
 * org.transcriptnlp.quality.GoldReport --details}.
 */
class GoldTest {
  private static List<GoldScore> scores;
  private static GoldReport.Totals totals;

  @BeforeAll
  static void score() throws Exception {
    Path resources = Fixtures.path("transforms/src/test/resources");
    scores =
        GoldReport.score(resources.resolve("gold"), resources.resolve("corpus"), Fixtures.root());
    totals = GoldReport.totals(scores);
    System.out.println(GoldReport.table(scores, true));
  }

  @Test
  void everyGoldFileIsScored() {
    assertTrue(scores.size() >= 85, scores.size() + " gold files");
    assertTrue(totals.checks() >= 1950, totals.checks() + " spot checks");
  }

  @Test
  void speakersAreRightOnTheSpotChecks() {
    assertTrue(
        totals.speakerShare() >= SPEAKERS,
        String.format("speakers right on %.1f%%", 100 * totals.speakerShare()));
  }

  @Test
  void rolesAreRightOnTheSpotChecks() {
    assertTrue(
        totals.roleShare() >= ROLES,
        String.format("roles right on %.1f%%", 100 * totals.roleShare()));
  }

  @Test
  void turnAndAnswerCountsAreInToleranceOnNearlyEveryFile() {
    assertTrue(
        totals.turnsHold() >= totals.files() - TURN_MISSES,
        totals.turnsHold() + " of " + totals.files());
    assertTrue(
        totals.answersHold() >= totals.files() - ANSWER_MISSES,
        totals.answersHold() + " of " + totals.files());
  }

  @Test
  void noReadableFileIsRejectedAndNonSpeechInAnswersStaysUnderItsFloor() {
    assertEquals(0, totals.rejected(), "files rejected");
    assertTrue(totals.leaks() <= LEAKS, totals.leaks() + " non-speech snippets in answers");
  }

  @Test
  void aCheckOnASpeakerTheGoldDoesNotListIsAnError(@TempDir Path dir) throws Exception {
    Path gold = dir.resolve("x.gold.json");
    Files.writeString(
        gold,
        "{\"file\": \"x.txt\", \"speakers\": [{\"name\": \"Jane Roe\", \"role\": \"questioner\"}],"
            + " \"checks\": [{\"snippet\": \"Hello there\", \"speaker\": \"John Doe\", \"role\":"
            + " \"respondent\"}]}");
    IOException e = assertThrows(IOException.class, () -> Gold.read(gold));
    assertTrue(e.getMessage().contains("unknown speaker 'John Doe'"), e.getMessage());
  }

  // Floors, set from what the parser reaches (docs/formats-and-attribution.md has the table).
  private static final double SPEAKERS = 0.96;
  private static final double ROLES = 0.90;
  private static final int TURN_MISSES = 11;
  private static final int ANSWER_MISSES = 22;
  private static final int LEAKS = 29;
}

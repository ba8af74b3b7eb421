package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.testing.Fixtures;

/** The seed interview is the acceptance case: each of its hard cases by name. */
class SeedInterviewTest {
  private static final String DK = "Dikhan Kamzabekuly";
  private static final String TOKAYEV = "Kassym-Jomart Tokayev";

  private static ParsedTranscript parsed;
  private static List<QaPair> pairs;

  @BeforeAll
  static void parse() throws Exception {
    byte[] bytes = java.nio.file.Files.readAllBytes(Fixtures.seed());
    parsed = new TurnParser().parseText(TextDecoder.decode(bytes).text());
    pairs = QaPairer.pair(parsed.turns());
  }

  private static Turn turnStartingWith(String start) {
    return parsed.turns().stream()
        .filter(t -> t.paragraphs().stream().anyMatch(p -> p.startsWith(start)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no turn has a paragraph starting with: " + start));
  }

  @Test
  void fiftyTwoTurnsAndTwentySixAnswers() {
    assertEquals(52, parsed.turns().size());
    assertEquals(26, pairs.size());
  }

  @Test
  void everyAnswerIsTokayevsAndEveryQuestionDikhans() {
    for (QaPair p : pairs) {
      assertEquals(TOKAYEV, p.answer().speaker(), "answer " + p.answerIndex());
      assertEquals(DK, p.question().speaker(), "question of answer " + p.answerIndex());
      assertEquals(Role.RESPONDENT, p.answer().role());
      assertEquals(Role.QUESTIONER, p.question().role());
    }
    assertEquals(
        Set.of(DK, TOKAYEV),
        parsed.turns().stream().map(Turn::speaker).collect(Collectors.toSet()));
  }

  @Test
  void turnsAlternateQuestionAnswer() {
    for (Turn t : parsed.turns()) {
      assertEquals(t.index() % 2 == 0 ? DK : TOKAYEV, t.speaker(), "turn " + t.index());
    }
  }

  @Test
  void aliasDeclarationsMapToOneCanonicalSpeaker() {
    assertEquals("Dikhan Kamzabekuly(DK)", parsed.turns().get(0).label());
    assertEquals("Kassym-Jomart TOKAYEV(Tokayev)", parsed.turns().get(1).label());
    Set<String> tokayevLabels =
        parsed.turns().stream()
            .filter(t -> t.speaker().equals(TOKAYEV) && t.label() != null)
            .map(Turn::label)
            .collect(Collectors.toSet());
    assertEquals(Set.of("Kassym-Jomart TOKAYEV(Tokayev)", "Tokayev", "TOKAYEV"), tokayevLabels);
  }

  @Test
  void labelWithoutSpaceAfterColon() {
    Turn t = turnStartingWith("I cannot ignore another issue");
    assertEquals(DK, t.speaker());
    assertEquals("DK", t.label());
  }

  @Test
  void speechThatLooksLikeALabelIsNotOne() {
    for (String start : List.of("I will say more:", "And would like to remind you:")) {
      Turn t = turnStartingWith(start);
      assertEquals(TOKAYEV, t.speaker(), start);
      assertTrue(t.paragraphs().size() > 1, "continues the answer: " + start);
      assertFalse(t.paragraphs().get(0).startsWith(start), "is not the start of a turn: " + start);
    }
  }

  @Test
  void unlabelledQuestionIsInferredToBeTheInterviewers() {
    Turn q = turnStartingWith("After the events of January, you began to implement");
    assertEquals(DK, q.speaker());
    assertTrue(q.inferred());
    assertNull(q.label());
    assertEquals(1, q.paragraphs().size());
    Turn a = parsed.turns().get(q.index() + 1);
    assertEquals(TOKAYEV, a.speaker());
    assertTrue(a.inferred());
    assertTrue(a.paragraphs().get(0).startsWith("As I said, political reforms began in 2019."));
    QaPair pair = pairs.stream().filter(p -> p.question() == q).findFirst().orElseThrow();
    assertEquals(a, pair.answer());
    assertTrue(pair.speakerInferred());
  }

  @Test
  void unlabelledAnswerAfterTheGovernorsQuestion() {
    Turn q = turnStartingWith("They say that you prohibited the governors");
    assertEquals(DK, q.speaker());
    assertFalse(q.inferred());
    Turn a = parsed.turns().get(q.index() + 1);
    assertEquals(TOKAYEV, a.speaker());
    assertTrue(a.inferred());
    assertTrue(a.text().startsWith("During my first trips as President around the country"));
  }

  @Test
  void rhetoricalQuestionInAnAnswerStaysInTheAnswer() {
    Turn t = turnStartingWith("Censorship, special laws, and penal institutions");
    assertTrue(t.text().contains("How can we speak of political persecution"));
    assertEquals(TOKAYEV, t.speaker());
  }

  @Test
  void bylineAuthorNoteAndCaptionAreNotSpeech() {
    List<String> nonSpeech = parsed.nonSpeech();
    assertEquals(4, nonSpeech.size(), nonSpeech.toString());
    assertEquals("By Dikhan Kamzabekuly", nonSpeech.get(0));
    assertEquals("[INPS Japan – January 15, 2024]", nonSpeech.get(1));
    assertTrue(nonSpeech.get(2).startsWith("The author is General Director"));
    assertTrue(nonSpeech.get(3).startsWith("Photo: Dikhan Kamzabekuly"));
    for (Turn t : parsed.turns()) {
      assertFalse(t.text().contains("By Dikhan Kamzabekuly"), "turn " + t.index());
      assertFalse(t.text().contains("The author is"), "turn " + t.index());
      assertFalse(t.text().contains("Photo:"), "turn " + t.index());
    }
    Turn last = parsed.turns().get(parsed.turns().size() - 1);
    assertTrue(last.text().endsWith("May Kazakhstan continue to prosper!”"), last.text());
  }

  @Test
  void answersAreWholeMultiParagraphTurns() {
    QaPair first = pairs.get(0);
    assertEquals(4, first.answer().paragraphs().size());
    assertTrue(first.question().text().endsWith("What do you remember from the past year?"));
    assertTrue(first.answer().text().contains("\n\nThe year 2023 was full of significant events"));
  }
}

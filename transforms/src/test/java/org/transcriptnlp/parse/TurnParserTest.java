package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.testing.Fixtures;

class TurnParserTest {
  private final TurnParser parser = new TurnParser();

  private static List<String> speakers(ParsedTranscript p) {
    return p.turns().stream().map(Turn::speaker).toList();
  }

  @Test
  void markdownBoldLabelsAndContinuationParagraphs() {
    ParsedTranscript p =
        parser.parseText(
            "# Episode 12\n\n"
                + "**Jon Calhoun:** What got you into Go?\n\n"
                + "**Rob Pike:** Curiosity.\n\n"
                + "And frustration with C++ builds.\n\n"
                + "**Jon Calhoun:** Why that?\n\n"
                + "**Rob Pike:** Slow.\n");
    assertEquals(List.of("Jon Calhoun", "Rob Pike", "Jon Calhoun", "Rob Pike"), speakers(p));
    assertEquals(
        List.of("Curiosity.", "And frustration with C++ builds."), p.turns().get(1).paragraphs());
    assertEquals(List.of("# Episode 12"), p.nonSpeech());
    assertEquals(Role.QUESTIONER, p.turns().get(0).role());
    assertEquals(Role.RESPONDENT, p.turns().get(1).role());
  }

  @Test
  void anonymousQAndHardWrappedLinesAndFrontMatter() {
    ParsedTranscript p =
        parser.parseText(
            "---\n"
                + "title: Gaggle\n"
                + "---\n\n"
                + "Aboard Air Force One\n\n"
                + "MS. PSAKI: Good morning. Nothing\n"
                + "at the top.\n\n"
                + "Q    Does the president\n"
                + "plan to travel?\n\n"
                + "MS. PSAKI:  Not today.\n\n"
                + "Q Thank you.\n\n"
                + "MS. PSAKI: Thanks.\n");
    assertEquals(List.of("Ms. Psaki", "Q", "Ms. Psaki", "Q", "Ms. Psaki"), speakers(p));
    assertEquals("Good morning. Nothing at the top.", p.turns().get(0).text());
    assertEquals("Does the president plan to travel?", p.turns().get(1).text());
    assertEquals(List.of("Aboard Air Force One"), p.nonSpeech());
    assertEquals(Role.QUESTIONER, p.turns().get(1).role());
    assertEquals(Role.RESPONDENT, p.turns().get(0).role());
  }

  @Test
  void aSentenceStartingWithTheWordAIsNotAnAnswerLabel() {
    ParsedTranscript p =
        parser.parseText(
            "Q: What happened?\nA: A storm.\nA significant storm, in fact.\nQ: Where?\nA: Here.\n");
    assertEquals(List.of("Q", "A", "Q", "A"), speakers(p));
    assertEquals(
        List.of("A storm.", "A significant storm, in fact."), p.turns().get(1).paragraphs());
  }

  @Test
  void aTitleCasePhraseSeenOnceIsSpeechNotALabel() {
    ParsedTranscript p =
        parser.parseText(
            "Anna: Where does the pipeline go?\n"
                + "Boris: To the coast.\n"
                + "Kazakhstan: the word we all know.\n"
                + "Anna: And then?\n"
                + "Boris: Then south.\n");
    assertEquals(List.of("Anna", "Boris", "Anna", "Boris"), speakers(p));
    assertTrue(p.turns().get(1).text().contains("Kazakhstan: the word we all know."));
  }

  @Test
  void labelAloneOnItsLineTakesTheNextParagraph() {
    ParsedTranscript p =
        parser.parseText(
            "HOST:\n\n"
                + "Why did you leave?\n\n"
                + "GUEST:\n\n"
                + "I was tired.\n\n"
                + "HOST:\n\n"
                + "Of what?\n\n"
                + "GUEST:\n\n"
                + "Of it all.\n");
    assertEquals(List.of("Host", "Guest", "Host", "Guest"), speakers(p));
    assertEquals("I was tired.", p.turns().get(1).text());
    assertFalse(p.turns().get(1).inferred());
  }

  @Test
  void consecutiveLabelsOfOneSpeakerMakeOneTurn() {
    ParsedTranscript p =
        parser.parseText(
            "Q: Why?\nSMITH: Because.\nSMITH: And also because.\nQ: Ok?\nSMITH: Ok.\n");
    assertEquals(List.of("Q", "Smith", "Q", "Smith"), speakers(p));
    assertEquals(2, p.turns().get(1).paragraphs().size());
  }

  @Test
  void roleOverridesWin() {
    TurnParser forced = new TurnParser(Set.of("Boris"), Set.of("Anna"));
    ParsedTranscript p =
        forced.parseText("Anna: Where?\nBoris: There.\nAnna: When?\nBoris: Now.\n");
    assertEquals(Role.RESPONDENT, p.turns().get(0).role());
    assertEquals(Role.QUESTIONER, p.turns().get(1).role());
  }

  @Test
  void noLabelsGivesNoTurns() {
    ParsedTranscript p =
        parser.parseText("Just an essay.\n\nWith two paragraphs and no speakers.\n");
    assertTrue(p.turns().isEmpty());
    assertEquals(2, p.nonSpeech().size());
  }

  @Test
  void shortWhiteHouseInterview() {
    String text =
        Fixtures.read(Fixtures.path("samples/transcripts/wh_2025-02-16_fox-sports_trump_short.md"));
    ParsedTranscript p = parser.parseText(text);
    assertEquals(16, p.turns().size());
    // 8 exchanges, the last a farewell answered with thanks (the gold file counts 7 ± 2)
    assertEquals(8, QaPairer.pair(p.turns()).size());
    assertEquals("The President", p.turns().get(1).speaker());
    assertTrue(p.nonSpeech().contains("END 1:45 P.M. EST"), p.nonSpeech().toString());
  }

  @Test
  void pressGaggleOpeningStatementIsNotAnAnswer() {
    String text =
        Fixtures.read(Fixtures.path("samples/transcripts/wh_2024-10-22_gaggle_air-force-one.md"));
    ParsedTranscript p = parser.parseText(text);
    // 43 labelled turns, less one that is only "(Laughs.)" (a stage direction, not speech); the
    // reporter's turns on either side of it are one turn.
    assertEquals(41, p.turns().size());
    assertEquals("Ms. Jean-Pierre", p.turns().get(0).speaker());
    assertEquals(Role.RESPONDENT, p.turns().get(0).role());
    List<QaPair> pairs = QaPairer.pair(p.turns());
    // a reporter's follow-up after Jean-Pierre's "Yeah." or a courtesy is one question (gold: 16 ±
    // 2)
    assertEquals(16, pairs.size());
    assertEquals(1, pairs.get(0).question().index());
    Turn last = p.turns().get(p.turns().size() - 1);
    assertEquals("Quick and dirty.", last.text());
    assertEquals(List.of("(Laughs.)"), last.stageDirections());
    assertTrue(p.nonSpeech().contains("2:20 P.M. EDT"));
    assertTrue(
        p.nonSpeech().contains("(Laughs.)"), "the laugh-only turn is recorded as non-speech");
  }

  @Test
  void labelsThatNameTheRole() {
    ParsedTranscript p =
        parser.parseText(
            "INTERVIEWER: Tell me about it.\n"
                + "INTERVIEWEE: It was long.\n"
                + "INTERVIEWER: Go on.\n"
                + "INTERVIEWEE: No.\n");
    assertEquals(Role.QUESTIONER, p.turns().get(0).role());
    assertEquals(Role.RESPONDENT, p.turns().get(1).role());
    assertEquals(2, QaPairer.pair(p.turns()).size());
  }

  @Test
  void aSurnameOrInitialsAfterTheFullNameAreTheSameSpeaker() {
    ParsedTranscript p =
        parser.parseText(
            "JANE DOE: Where were you?\nJOHN ROE: At home.\nDOE: Alone?\nJR: Yes.\nJD: Why?\n");
    assertEquals(List.of("Jane Doe", "John Roe", "Jane Doe", "John Roe", "Jane Doe"), speakers(p));
    assertEquals("inferred".equals(p.turns().get(2).attribution()), false);
    assertEquals("alias", p.turns().get(2).attribution());
  }

  @Test
  void nameAndTimeOnTheirOwnLineThenTheText() {
    ParsedTranscript p =
        parser.parseText(
            "Meeting notes\n\nJane Doe  0:03\nWhy did you call?\n\nJohn Roe  0:10\nI was worried.\n"
                + "It was late.\n\nJane Doe  1:02:07\nAbout what?\n\nJohn Roe  1:02:09\nYou.\n");
    assertEquals(List.of("Jane Doe", "John Roe", "Jane Doe", "John Roe"), speakers(p));
    assertEquals("I was worried. It was late.", p.turns().get(1).text());
    assertEquals(10.0, p.turns().get(1).startSeconds());
    assertEquals(3727.0, p.turns().get(2).startSeconds());
    assertEquals(2, QaPairer.pair(p.turns()).size());
  }

  @Test
  void runningHeadsOfPagesAreFurnitureButARepeatedShortReplyIsSpeech() {
    String page =
        "MS. DAVIES: When will the bridge open, Minister?\n\n"
            + "THE MINISTER: In the spring, once it is inspected.\n\n"
            + "Hansard Report Page 12\n\n";
    ParsedTranscript heads =
        parser.parseText(page + page.replace("12", "13") + page.replace("12", "14"));
    assertEquals(
        3, heads.nonSpeech().stream().filter(n -> n.startsWith("Hansard Report Page")).count());
    assertEquals(6, heads.turns().size());
    String replies =
        "INTERVIEWER: Where did he go after the war?\n\nNARRATOR: He left us.\n\nI don't know\n\n";
    ParsedTranscript speech = parser.parseText(replies.repeat(3));
    assertEquals(List.of(), speech.nonSpeech());
    assertEquals(List.of("He left us.", "I don't know"), speech.turns().get(5).paragraphs());
  }
}

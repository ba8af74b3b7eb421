package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeakerLabelsTest {
  private final SpeakerLabels labels = new SpeakerLabels();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DK: What now?|DK|What now?",
        "DK:I cannot ignore|DK|I cannot ignore",
        "TOKAYEV: We have|TOKAYEV|We have",
        "MS. PSAKI:  Good morning.|MS. PSAKI|Good morning.",
        "**Rob Pike:** Forty-five minutes.|Rob Pike|Forty-five minutes.",
        "Q    Does he plan to travel?|Q|Does he plan to travel?",
        "Q: Why?|Q|Why?",
        "Q - What is regtest?|Q|What is regtest?",
        "A - It is a test network.|A|It is a test network.",
        "Mr. MILLER of Florida: Thank you.|Mr. MILLER of Florida|Thank you.",
        "Jean-Pierre O’Neil: Hi.|Jean-Pierre O’Neil|Hi."
      })
  void recognisesLabelStyles(String paragraph, String label, String rest) {
    SpeakerLabels.Match m = labels.match(paragraph).orElseThrow();
    assertEquals(label, m.label());
    assertEquals(rest, m.rest());
  }

  @Test
  void aliasDeclaration() {
    SpeakerLabels.Match m =
        labels.match("Kassym-Jomart TOKAYEV(Tokayev): I would like").orElseThrow();
    assertEquals("Kassym-Jomart TOKAYEV", m.label());
    assertEquals("Tokayev", m.alias());
    assertTrue(m.declaresAlias());
    assertNull(labels.match("Tokayev: Yes").orElseThrow().alias());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I will say more: this situation became",
        "And would like to remind you: Of the eleven judges",
        "A significant event will be the hosting",
        "In short, a return to the old system is impossible.",
        "See https://example.org: a link",
        "Second, positions of principle are clearly set out."
      })
  void speechIsNotALabel(String paragraph) {
    assertFalse(labels.match(paragraph).isPresent(), paragraph);
  }

  @Test
  void captionLabelsAreNonSpeech() {
    assertTrue(SpeakerLabels.isNonSpeechLabel("Photo"));
    assertTrue(SpeakerLabels.isNonSpeechLabel("Editor's note"));
    assertFalse(SpeakerLabels.isNonSpeechLabel("Tokayev"));
    assertFalse(labels.startsWithLabel("Photo: Akorda press service."));
  }

  @Test
  void styleHints() {
    assertTrue(SpeakerLabels.isAllCaps("MS. PSAKI"));
    assertFalse(SpeakerLabels.isAllCaps("Ms. Psaki"));
    assertTrue(SpeakerLabels.hasTitle("Mr. WARNER"));
    assertTrue(SpeakerLabels.hasTitle("Senator Gold"));
    assertFalse(SpeakerLabels.hasTitle("Kazakhstan"));
  }

  @Test
  void labelsWithTimes() {
    SpeakerLabels.Match paren = labels.match("Jane Doe (00:01:02): Hello there.").orElseThrow();
    assertEquals("Jane Doe", paren.label());
    assertEquals(62.0, paren.startSeconds());
    assertNull(paren.alias());
    SpeakerLabels.Match after = labels.match("Aaron van Wirdum: 00:00:19").orElseThrow();
    assertEquals("Aaron van Wirdum", after.label());
    assertEquals(19.0, after.startSeconds());
    assertEquals("", after.rest());
    assertFalse(labels.match("END 1:45 P.M. EST").isPresent());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mr. WARNER. Mr. President, I rise.|Mr. WARNER|Mr. President, I rise.",
        "The PRESIDING OFFICER. Without objection.|The PRESIDING OFFICER|Without objection.",
        "The SPEAKER pro tempore (Mr. Poe). The Chair recognizes|The SPEAKER pro tempore (Mr."
            + " Poe)|The Chair recognizes",
        "Mr. MILLER of Florida. Thank you.|Mr. MILLER of Florida|Thank you.",
        "Chairman HAMILTON.|Chairman HAMILTON|''"
      })
  void formalLabelsWithAPeriod(String paragraph, String label, String rest) {
    SpeakerLabels.Match m = labels.match(paragraph).orElseThrow();
    assertEquals(label, m.label());
    assertEquals(rest, m.rest());
    assertTrue(m.formal());
  }

  @Test
  void periodAfterAnOrdinaryWordIsNoLabel() {
    assertFalse(labels.match("OK. So we went on.").map(SpeakerLabels.Match::formal).orElse(false));
    assertFalse(labels.match("The President. He said so.").isPresent());
  }
}

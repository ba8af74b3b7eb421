package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonSpeechTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "By Dikhan Kamzabekuly",
        "The author is General Director of the Institute.",
        "This interview has been edited for length and clarity.",
        "## Part two",
        "(Laughter.)",
        "END 2:45 P.M. EDT",
        "The House rose at 7.01 p.m.",
        "Published by Clerk of the National Assembly",
        "Page 21 of 40",
        "2:20 P.M. EDT",
        "The amendment is as follows:"
      })
  void notSpeech(String paragraph) {
    assertTrue(NonSpeech.isNonSpeech(paragraph));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "By the time we got there, the plant had closed.",
        "The House was full that night, and everyone knew it.",
        "I said page one was missing.",
        "Thank you."
      })
  void speech(String paragraph) {
    assertFalse(NonSpeech.isNonSpeech(paragraph));
  }

  @Test
  void aLongParagraphIsCheckedOnlyAgainstNotesThatRunLong() {
    String story =
        " We went to the coast that summer, and my father drove the whole way without a stop."
            .repeat(8);
    // a long note is still a note
    assertTrue(NonSpeech.isNonSpeech("This interview was edited and condensed." + story));
    assertTrue(
        NonSpeech.isNonSpeech(
            "(Whereupon, at 4:10 p.m., the hearing was adjourned, and the members left the"
                + " room.)"));
    // a long speech that opens like a short note ("The House rose...") is speech
    assertFalse(NonSpeech.isNonSpeech("The House rose at seven, as it always did." + story));
    assertFalse(
        NonSpeech.isNonSpeech("© 2024 the village of Brill." + story), "a copyright line is short");
    assertFalse(
        NonSpeech.isNonSpeech(
            "The interviewer was a kind woman, and I told her everything." + story));
  }
}

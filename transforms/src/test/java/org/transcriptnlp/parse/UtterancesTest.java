package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptnlp.parse.Utterances.Kind;

class UtterancesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // questions, with or without "?" (speech-to-text rarely writes them)
        "What do you think about the new budget?|QUESTION",
        "so what do you think about the new budget|QUESTION",
        "And how did you get into science in the first place|QUESTION",
        "Do you remember the day the plant closed|QUESTION",
        "Nancy, can you start by telling us about your parents|QUESTION",
        "What kind of impact did the strike have on your family|QUESTION",
        // questions as order papers print them
        "1. What discussions he has had with Cabinet colleagues on plans for the vote.|QUESTION",
        "To ask His Majesty's Government what progress has been made in reducing the gap.|QUESTION",
        "Deputy Mary Roe asked the Minister for Health if he will publish the report.|QUESTION",
        "1. The committee met on Tuesday.|STATEMENT",
        // prompts
        "Tell us about your first year at the lab.|PROMPT",
        "Walk me through the night of the fire.|PROMPT",
        "Senator Kennedy, you have two minutes for your response.|PROMPT",
        "Go on.|PROMPT",
        "I would be most appreciative if I could get any updated views from the members.|PROMPT",
        "I'm just sort of curious about what your childhood was like.|PROMPT",
        // calls on a speaker: the floor, not a question
        "Governor Smith.|CALL",
        "The honourable minister.|CALL",
        "Senator, your rebuttal.|CALL",
        // floor-giving, courtesies, introductions, procedure
        "The chair recognizes the gentleman from Ohio for five minutes.|FLOOR",
        "Our next question comes from Jane Roe with Morgan Stanley.|FLOOR",
        "Thank you very much.|COURTESY",
        "Mm-hmm.|COURTESY",
        "Thank you, Mr. Chairman.|COURTESY",
        "I'm Sander Vanocur, NBC News.|INTRO",
        "My name is Jane Roe and I am with the Globe.|INTRO",
        "My name is Ana.|INTRO",
        "This is Lester Holt at NBC News.|INTRO",
        "I'm Canadian, and I grew up near the lake.|STATEMENT",
        "I have some thoughts on that, and they are not kind.|STATEMENT",
        "I'm always curious about new things.|STATEMENT",
        "I am Sure that the plant was closing.|STATEMENT",
        "On a point of order, Mr. Speaker.|PROCEDURAL",
        "I beg to present a petition from the residents of Kinango.|PROCEDURAL",
        "I yield back the balance of my time.|PROCEDURAL",
        // statements: what I mean is... is no question
        "What I mean is that the plant was already closing.|STATEMENT",
        "We went to the coast that summer.|STATEMENT"
      })
  void kinds(String text, Kind kind) {
    assertEquals(kind, Utterances.kind(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Slow.", "Curiosity.", "Okay?", "Great."})
  void aCapitalisedWordIsACallOnlyWhenItIsASpeakersName(String text) {
    assertFalse(Utterances.kind(text, Set.of("kevin", "scott")) == Kind.CALL, text);
    assertEquals(Kind.CALL, Utterances.kind("Kevin?", Set.of("kevin", "scott")));
  }

  @org.junit.jupiter.api.Test
  void anIntroductionNamesOneOfTheSpeakersWhereTheyAreKnown() {
    Set<String> names = Set.of("ruth", "hooper", "interviewer");
    assertEquals(Kind.INTRO, Utterances.kind("I'm Ruth Hooper, and I was born in Tulsa.", names));
    assertEquals(
        Kind.STATEMENT,
        Utterances.kind("I'm African American, and my parents came from Georgia.", names));
    assertEquals(Kind.STATEMENT, Utterances.kind("This is New York, after all.", names));
    assertEquals(
        "Dr Federico Andreis",
        Utterances.selfIntroducedName(
            "Hi everyone, I'm Dr Federico Andreis, and this is week one."));
    assertEquals(
        null,
        Utterances.selfIntroducedName("I'm African American, and my parents came from Georgia."));
  }

  @org.junit.jupiter.api.Test
  void aRhetoricalQuestionAtTheEndOfALongStoryDoesNotSeekAReply() {
    String story =
        "I went in there and I did the forms, and then I waited for weeks. ".repeat(20)
            + "Am I doing something wrong?";
    assertFalse(Utterances.seeksReply(story, Utterances.kind(story)));
    String preamble =
        "Let me give you some background on the project and the numbers we have seen this year. "
                .repeat(6)
            + "So my question is simple: why did the cost of the bridge double between the first"
            + " estimate and the contract?";
    assertTrue(Utterances.seeksReply(preamble, Utterances.kind(preamble)));
  }
}

package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/** Documents without any label are still read when a person can see who speaks. */
class UnlabelledReadingsTest {
  private final TurnParser parser = new TurnParser();

  private static List<String> speakers(ParsedTranscript p) {
    return p.turns().stream().map(Turn::speaker).toList();
  }

  @Test
  void questionsInBoldAndTheIntervieweeNamedInTheIntroduction() {
    ParsedTranscript p =
        parser.parseText(
            "We recently sat down with developer Kaitlin Devine and asked her a few questions about"
                + " procurement.\n\n"
                + "**What do you do at 18F?**\n\n"
                + "I build tools that make buying things easier for agencies.\n\n"
                + "**Oh okay, so let's say I need accountants.**\n\n"
                + "Then you would search the schedule for them first.\n\n"
                + "**Why does that matter?**\n\n"
                + "Because it saves months of market research for every team.\n");
    assertEquals(
        List.of(
            "Interviewer",
            "Kaitlin Devine",
            "Interviewer",
            "Kaitlin Devine",
            "Interviewer",
            "Kaitlin Devine"),
        speakers(p));
    assertEquals(Role.QUESTIONER, p.turns().get(0).role());
    assertEquals(Role.RESPONDENT, p.turns().get(1).role());
    assertEquals(3, QaPairer.pair(p.turns()).size());
    assertTrue(p.nonSpeech().get(0).startsWith("We recently sat down"));
  }

  @Test
  void aGroupQandAWithALineIntroducingEachRespondent() {
    ParsedTranscript p =
        parser.parseText(
            "Women's History Month: the team\n\n"
                + "Angelique Demetillo, Ph.D., research fellow and instrument operator on the"
                + " aircraft.\n\n"
                + "What do you do at Langley?\n\n"
                + "I study air pollution in cities with airborne measurements and models.\n\n"
                + "Why does science matter to you?\n\n"
                + "It helps me understand the world around me, and to help people.\n\n"
                + "Langley's Francesca Gallo in front of the DC-8 aircraft in South Korea.\n\n"
                + "Francesca Gallo, Ph.D., research scientist, operates the aerosol"
                + " instruments.\n\n"
                + "What do you do at Langley?\n\n"
                + "I do a lot of data analysis of aerosol datasets from past campaigns.\n\n"
                + "Were you treated differently as a woman in a science field?\n\n"
                + "No, not that I noticed in my own work.\n");
    assertEquals(
        List.of(
            "Interviewer",
            "Angelique Demetillo",
            "Interviewer",
            "Angelique Demetillo",
            "Interviewer",
            "Francesca Gallo",
            "Interviewer",
            "Francesca Gallo"),
        speakers(p));
    assertTrue(
        p.nonSpeech().stream().anyMatch(n -> n.startsWith("Langley's Francesca Gallo in front")),
        "the caption");
  }

  @Test
  void aLectureIsOneTurnOfTheSpeakerWhoIntroducesThemself() {
    ParsedTranscript p =
        parser.parseText(
            "--Title page--\n\n"
                + "Hi everyone, I'm Dr Federico Andreis and this is the third lecture of"
                + " Probability. Today we will introduce Bayes' theorem and work through a couple"
                + " of examples from real applications.\n\n"
                + "--Conditional probability--\n\n"
                + "What is the probability that a patient who tests positive has the disease? We"
                + " will see that it depends on how common the disease is, and I will show you why"
                + " with a table.\n\n"
                + "I hope that by now you feel familiar with the contents of our last lecture, as"
                + " we will take it from there.\n\n"
                + "Remember that you can access the course page at any time: it has the slides, the"
                + " recordings and the list of examples we will use, and I will keep adding to it"
                + " as we go through the weeks of the course together.\n");
    assertEquals(List.of("Dr Federico Andreis"), speakers(p));
    assertEquals(Role.OTHER, p.turns().get(0).role());
    assertEquals(0, QaPairer.pair(p.turns()).size());
    assertTrue(p.nonSpeech().contains("--Title page--"));
  }

  @Test
  void anEssayWithoutSpeakersIsStillNoTranscript() {
    assertTrue(
        parser
            .parseText("Just an essay.\n\nWith two paragraphs and no speakers.\n")
            .turns()
            .isEmpty());
    // long enough to be a talk, and in the first person now and then, but it addresses no one
    String essay =
        "The river was first bridged in 1820, when the town council raised the money from a levy on"
            + " wool. The bridge stood for ninety years and carried carts, cattle and, later, the"
            + " first motor cars of the county, until a flood in the spring of 1910 took its middle"
            + " arch away.\n\n"
            + "In my view the council was right to raise the levy, though the farmers of the valley"
            + " disagreed at length.\n\n"
            + "The second bridge, of steel, was opened in 1911 by the mayor and carried the tramway"
            + " until the line closed.\n\n"
            + "The records of its building are kept in the county archive, where my grandfather"
            + " found eleven boxes of letters.\n";
    assertTrue(parser.parseText(essay).turns().isEmpty());
    String talk =
        "Good morning, everyone, and thank you for coming. Today I want to talk about the river and"
            + " its bridges, and what I learned from the county archive over the last two"
            + " years.\n\n"
            + "I started with the council minutes, which I read from 1800 to 1950, and I found the"
            + " levy that paid for the first bridge.\n\n"
            + "We often think of bridges as engineering, but I will argue that they were politics"
            + " first and engineering second.\n\n"
            + "So let me show you the minutes of 1819, where my argument begins, and where the"
            + " farmers of the valley first said no to the levy and to the council.\n";
    ParsedTranscript p = parser.parseText(talk);
    assertEquals(1, p.turns().size());
    assertEquals(Role.OTHER, p.turns().get(0).role());
  }

  @Test
  void aCourtTranscriptsQuestionsAreTheExaminersAfterBy() {
    ParsedTranscript p =
        parser.parseText(
            "THE COURT: Call your first witness.\n\n"
                + "MS. MURRAY: The government calls Le Zhou.\n\n"
                + "BY MS. MURRAY:\n\n"
                + "Q. Where do you work?\n\n"
                + "A. At a restaurant in Flushing.\n\n"
                + "Q. How long have you worked there?\n\n"
                + "A. Six years.\n");
    // her call of the witness and her first question are one turn of hers
    assertEquals(List.of("The Court", "Ms. Murray", "A", "Ms. Murray", "A"), speakers(p));
    assertEquals("Q", p.turns().get(3).label());
    assertTrue(p.nonSpeech().contains("BY MS. MURRAY:"));
  }
}

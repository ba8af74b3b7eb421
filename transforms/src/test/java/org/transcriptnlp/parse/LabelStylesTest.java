package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.formats.HtmlText;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Each label style found from the document rather than from a list (each is also met in a real
 * transcript of the gold set: see docs/formats-and-attribution.md).
 */
class LabelStylesTest {
  private final TurnParser parser = new TurnParser();

  private static List<String> speakers(ParsedTranscript p) {
    return p.turns().stream().map(Turn::speaker).toList();
  }

  private static String turnWith(ParsedTranscript p, String words) {
    return p.turns().stream()
        .filter(t -> t.text().contains(words))
        .map(Turn::speaker)
        .findFirst()
        .orElse("(none)");
  }

  @Test
  void boldNamesAloneInMarkdownAndHtml() {
    String md =
        "# Episode 5\n\n"
            + "**Jane Roe**\n\n"
            + "Welcome to the show. What brought you here?\n\n"
            + "**John Doe**\n\n"
            + "Curiosity, and the archive.\n\n"
            + "It took a long time.\n\n"
            + "**Jane Roe**\n\n"
            + "And what did you find there?\n\n"
            + "**John Doe**\n\n"
            + "Old papers and some very dusty books.\n";
    ParsedTranscript p = parser.parseText(md);
    assertEquals(List.of("Jane Roe", "John Doe", "Jane Roe", "John Doe"), speakers(p));
    assertEquals(
        List.of("Curiosity, and the archive.", "It took a long time."),
        p.turns().get(1).paragraphs());
    String html =
        "<p><strong>Jane Roe</strong></p><p>Welcome to the show. What brought you"
            + " here?</p><p><strong>John Doe</strong></p><p>Curiosity, and the"
            + " archive.</p><p><strong>Jane Roe</strong></p><p>And what did you find"
            + " there?</p><p><strong>John Doe</strong></p><p>Old papers and dusty"
            + " books.</p><p><b>Mary Major:</b> Can I ask one more thing?</p>";
    ParsedTranscript h = parser.parseText(HtmlText.of(html));
    assertEquals(
        List.of("Jane Roe", "John Doe", "Jane Roe", "John Doe", "Mary Major"), speakers(h));
  }

  @Test
  void upperCaseAndPlainNamesAloneOnTheirLine() {
    ParsedTranscript caps =
        parser.parseText(
            "ROPER.\n"
                + "Well, what do you say to that?\n\n"
                + "CAPTAIN JERRAM.\n"
                + "I say nothing at all, sir.\n\n"
                + "ROPER.\n"
                + "Nothing? Then I shall go.\n\n"
                + "CAPTAIN JERRAM.\n"
                + "Go, by all means.\n");
    assertEquals(List.of("Roper", "Captain Jerram", "Roper", "Captain Jerram"), speakers(caps));
    ParsedTranscript plain =
        parser.parseText(
            "Interview notes\n\n"
                + "Sarah Schneider\n"
                + "Where did you grow up, and what did your parents do?\n\n"
                + "Patsy Chappelear\n"
                + "In Big Spring, Texas. My father worked for the oil company.\n\n"
                + "Sarah Schneider\n"
                + "And your mother?\n\n"
                + "Patsy Chappelear\n"
                + "She taught school for thirty years.\n");
    assertEquals(
        List.of("Sarah Schneider", "Patsy Chappelear", "Sarah Schneider", "Patsy Chappelear"),
        speakers(plain));
    assertEquals(List.of("Interview notes"), plain.nonSpeech());
  }

  @Test
  void aHeadingThatLooksLikeANameIsNoSpeaker() {
    ParsedTranscript p =
        parser.parseText(
            "Jane: What happened next?\n\n"
                + "John: We left for the coast.\n\n"
                + "Background\n\n"
                + "The coast was far away then.\n\n"
                + "Jane: Why the coast?\n\n"
                + "John: Work, mostly.\n");
    assertFalse(speakers(p).contains("Background"));
    ParsedTranscript early =
        parser.parseText(
            "Jane: What happened next?\n\n"
                + "John: We left for the coast.\n\n"
                + "Early Years\n\n"
                + "The coast was far away then.\n\n"
                + "Jane: Why the coast?\n\n"
                + "John: Work, mostly.\n");
    assertEquals(List.of("Jane", "John", "Jane", "John"), speakers(early));
  }

  @Test
  void aOnceSeenWordIsANameOnlyWhereNamesAreSingleWords() {
    String twoWords =
        "Jane Roe: What did you make of the film?\n\n"
            + "John Doe: I liked it a great deal.\n\n"
            + "Spoiler: The hero dies at the end.\n\n"
            + "Jane Roe: Did that surprise you?\n\n"
            + "John Doe: Not at all.\n";
    ParsedTranscript p = parser.parseText(twoWords);
    assertEquals(List.of("Jane Roe", "John Doe", "Jane Roe", "John Doe"), speakers(p));
    assertTrue(p.turns().get(1).text().contains("Spoiler: The hero dies"));
    String oneWord =
        "Lex: What did you make of the film?\n\n"
            + "Sam: I liked it a great deal.\n\n"
            + "Bono: The hero dies at the end, and I wrote the song.\n\n"
            + "Lex: Did that surprise you?\n\n"
            + "Sam: Not at all.\n";
    assertEquals(List.of("Lex", "Sam", "Bono", "Lex", "Sam"), speakers(parser.parseText(oneWord)));
  }

  @Test
  void anAcronymOpeningParagraphsIsNoSpeakerInUpperCaseRecords() {
    ParsedTranscript p =
        parser.parseText(
            "MR KAMAU Mr. Speaker, Sir, when will the road be built?\n\n"
                + "THE MINISTER Next year, Sir.\n\n"
                + "NASA Administrator Bill Nelson said the launch would wait.\n\n"
                + "MR KAMAU Why the delay?\n\n"
                + "THE MINISTER The funds, Sir.\n\n"
                + "NASA Officials confirmed the date later.\n");
    assertEquals(List.of("Mr Kamau", "The Minister", "Mr Kamau", "The Minister"), speakers(p));
    assertTrue(
        p.turns().get(1).text().contains("NASA Administrator Bill Nelson said"),
        p.turns().get(1).text());
    // where the document's names are single words in capitals, a recurring one is a speaker
    ParsedTranscript play =
        parser.parseText(
            "HAMLET Who is there, and what do you want?\n\nHORATIO Friends to this ground.\n\n"
                + "HAMLET Then stand and unfold yourselves.\n\nHORATIO Long live the king!\n");
    assertEquals(List.of("Hamlet", "Horatio", "Hamlet", "Horatio"), speakers(play));
  }

  @Test
  void operatorAndParticipantListsGiveNamesAndRoles() {
    String call =
        "Company Participants\n\n"
            + "Tim Cook - Chief Executive Officer\n"
            + "Luca Maestri - Chief Financial Officer\n\n"
            + "Conference Call Participants\n\n"
            + "Amit Daryanani - Evercore ISI - Analyst\n\n"
            + "Operator\n\n"
            + "Good day and welcome to the call. Our first question comes from Amit Daryanani.\n\n"
            + "Amit Daryanani\n\n"
            + "Thanks for taking my question. How is China going this quarter?\n\n"
            + "Tim Cook\n\n"
            + "China was good for us this quarter and we grew there.\n\n"
            + "Luca Maestri\n\n"
            + "And margins were strong as well, at forty-six percent.\n\n"
            + "Operator\n\n"
            + "That concludes our call for today.\n";
    ParsedTranscript p = parser.parseText(call);
    assertEquals(
        List.of("Operator", "Amit Daryanani", "Tim Cook", "Luca Maestri", "Operator"), speakers(p));
    assertEquals(
        List.of(Role.OTHER, Role.QUESTIONER, Role.RESPONDENT, Role.RESPONDENT, Role.OTHER),
        p.turns().stream().map(Turn::role).toList());
    assertTrue(
        p.nonSpeech().contains("Tim Cook - Chief Executive Officer"), p.nonSpeech().toString());
    assertEquals(2, QaPairer.pair(p.turns()).size(), "Cook and Maestri each answer the analyst");
  }

  @Test
  void labelsAfterALeadingTagOrMarker() {
    ParsedTranscript bracket =
        parser.parseText(
            "[SPEAKER_00] So what brought you to the city in the first place?\n"
                + "[SPEAKER_01] I came for work at the docks in nineteen sixty.\n"
                + "[SPEAKER_00] And did you stay at the docks long?\n"
                + "[SPEAKER_01] Eleven years, until they closed.\n");
    assertEquals(
        List.of("SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01"), speakers(bracket));
    assertEquals(Role.QUESTIONER, bracket.turns().get(0).role());
    assertEquals(Role.RESPONDENT, bracket.turns().get(1).role());
    ParsedTranscript tag =
        parser.parseText(
            "<speech>MR. OWINO: Will the Minister tell the House when the road will be built?\n"
                + "<speech>THE MINISTER: Next year, once the funds are released.\n");
    assertEquals(List.of("Mr. Owino", "The Minister"), speakers(tag));
    ParsedTranscript chevrons =
        parser.parseText(">> ANNA: Where were you?\n>> BORIS: At home, all evening.\n");
    assertEquals(List.of("Anna", "Boris"), speakers(chevrons));
  }

  @Test
  void labelsGluedMidLineInOcrdRecordsAndOneLineTranscripts() {
    ParsedTranscript ocr =
        parser.parseText(
            "MR. SMITH: The road was promised in 1998 and it was never built.MR. JONES: That is not"
                + " so, the road was built in part. MR. SMITH: Which part? MR. JONES: The first ten"
                + " miles.\n");
    assertEquals(List.of("Mr. Smith", "Mr. Jones", "Mr. Smith", "Mr. Jones"), speakers(ocr));
    assertEquals("Which part?", ocr.turns().get(2).text());
    ParsedTranscript oneLine =
        parser.parseText(
            "INTERVIEWER: Good morning. Can you tell me where you were born? SMITH: I was born in"
                + " Leeds in 1931, the youngest of five. INTERVIEWER: And what did your father do?"
                + " SMITH: He worked on the railways.");
    assertEquals(List.of("Interviewer", "Smith", "Interviewer", "Smith"), speakers(oneLine));
    assertEquals(2, QaPairer.pair(oneLine.turns()).size());
  }

  @Test
  void upperCaseLabelsWithoutAColon() {
    ParsedTranscript p =
        parser.parseText(
            "MR KAMAU Mr. Speaker, Sir, I beg to ask the Minister for Roads when the road will be"
                + " built?\n\n"
                + "THE SPEAKER Order! The Minister for Roads.\n\n"
                + "MR ODHIAMBO Mr. Speaker, Sir, I beg to reply. The road will be built next year,"
                + " as funds are set aside.\n\n"
                + "MR KAMAU Mr. Speaker, Sir, the Minister has not said which contractor will do"
                + " the work. Who is it?\n\n"
                + "MR ODHIAMBO Mr. Speaker, Sir, the tender is still open and we will announce the"
                + " contractor in March.\n\n"
                + "MR KAMAU Mr. Speaker, Sir, will the Minister table the tender documents before"
                + " this House?\n\n"
                + "MR ODHIAMBO Mr. Speaker, Sir, I will table them next week, as soon as the"
                + " evaluation is done.\n");
    assertEquals(
        List.of(
            "Mr Kamau",
            "The Speaker",
            "Mr Odhiambo",
            "Mr Kamau",
            "Mr Odhiambo",
            "Mr Kamau",
            "Mr Odhiambo"),
        speakers(p));
    assertEquals(Role.QUESTIONER, p.turns().get(0).role());
    assertEquals(Role.OTHER, p.turns().get(1).role());
    assertEquals(Role.RESPONDENT, p.turns().get(2).role());
    // the Speaker's call between the question and its answer is skipped
    assertEquals(3, QaPairer.pair(p.turns()).size());
  }

  @Test
  void labelsEndedByADashAndLabelsThatWrapOntoASecondLine() {
    ParsedTranscript dash =
        parser.parseText(
            "HON. P.D. KUMAR.- Mr. Speaker, Sir, what is the price of chicken today?\n\n"
                + "HON. M. S. N. KAMIKAMICA.- Sir, the price has come down since the duty was"
                + " reduced.\n");
    assertEquals(List.of("Hon. P.D. Kumar", "Hon. M. S. N. Kamikamica"), speakers(dash));
    ParsedTranscript wrapped =
        parser.parseText(
            "SENATOR TIM KENNEDY, CHAIR, SENATE\n\n"
                + "STANDING COMMITTEE ON TRANSPORTATION:  Well, thank you so much, and welcome.\n\n"
                + "MR. FOYE:  Thank you, Senator.\n\n"
                + "SENATOR KENNEDY:  When will service return?\n");
    assertEquals(
        List.of("Senator Tim Kennedy", "Mr. Foye", "Senator Tim Kennedy"), speakers(wrapped));
    assertEquals("Well, thank you so much, and welcome.", wrapped.turns().get(0).text());
  }

  @Test
  void lineEndingsOfClassicMacFiles() {
    ParsedTranscript cr =
        parser.parseText(
            "Q: Where were you born?\r"
                + "A: In Leeds, in 1931.\r"
                + "Q: What did your father do?\r"
                + "A: He worked on the railways.\r");
    assertEquals(List.of("Q", "A", "Q", "A"), speakers(cr));
    assertEquals(2, QaPairer.pair(cr.turns()).size());
  }

  @Test
  void headerFieldsAreMetadataAndGiveRoles() {
    ParsedTranscript p =
        parser.parseText(
            "Wood oral history\n\n"
                + "Wood was born in 1920 in Leeds, studied chemistry at Cambridge and led the"
                + " laboratory until 1985.\n\n"
                + "INTERVIEWEE: Harold Wood\n\n"
                + "INTERVIEWER: James Bohning\n\n"
                + "PLACE: Philadelphia\n\n"
                + "DATE: 14 May 1990\n\n"
                + "BOHNING: Can you tell me about your parents?\n\n"
                + "WOOD: My father was a miner, and my mother kept the house and the books of the"
                + " chapel.\n\n"
                + "BOHNING: And school?\n\n"
                + "WOOD: The grammar school in town, on a scholarship.\n");
    // the surnames the labels give resolve to the full names of the header
    assertEquals(
        List.of("James Bohning", "Harold Wood", "James Bohning", "Harold Wood"), speakers(p));
    assertEquals(Role.QUESTIONER, p.turns().get(0).role());
    assertEquals(Role.RESPONDENT, p.turns().get(1).role());
    assertTrue(p.nonSpeech().contains("INTERVIEWEE: Harold Wood"));
    assertTrue(
        p.nonSpeech().stream().anyMatch(n -> n.startsWith("Wood was born in 1920")),
        "the biography is no speech");
    assertTrue(p.turns().stream().noneMatch(t -> t.text().contains("Philadelphia")));
    // a one-word greeting after a role label is the host speaking, not the host's name in a header
    ParsedTranscript greeting =
        parser.parseText(
            "Episode 4\n\nHOST: Welcome.\n\nGUEST: Thanks for having me on the show today.\n\n"
                + "HOST: What brought you to the coast?\n\nGUEST: Work, and then the sea.\n");
    assertEquals(List.of("Host", "Guest", "Host", "Guest"), speakers(greeting));
    assertEquals("Welcome.", greeting.turns().get(0).text());
  }

  @Test
  void aTurnThatIsOnlyAStageDirectionIsNoTurnAndNoAnswer() {
    ParsedTranscript p =
        parser.parseText(
            "Q: Will the president sign the bill this week?\n\nMS. JEAN-PIERRE: (OFF-MIKE)\n\n"
                + "Q: Sorry, I could not hear that.\n\nMS. JEAN-PIERRE: [CROSSTALK]\n\n"
                + "Q: Will he sign it?\n\nMS. JEAN-PIERRE: He will sign it on Friday.\n");
    assertTrue(
        p.turns().stream()
            .noneMatch(t -> t.text().contains("OFF-MIKE") || t.text().contains("CROSSTALK")));
    assertTrue(
        p.nonSpeech().containsAll(List.of("(OFF-MIKE)", "[CROSSTALK]")), p.nonSpeech().toString());
    assertEquals(1, QaPairer.pair(p.turns()).size());
  }

  @Test
  void aSpeakerLabelledOnlyOnceInTheDocumentsStyle() {
    ParsedTranscript p =
        parser.parseText(
            "Johnny Boursiquot: Welcome to the show. What brought you to PHP?\n\n"
                + "Anton Titov: I started with it years ago, building sites for friends.\n\n"
                + "Johnny Boursiquot: And then Go came along?\n\n"
                + "Anton Titov: Yes, in 2015, when we needed a faster server.\n\n"
                + "Jerod Santo: Shout-out to listener Seb for requesting this episode.\n\n"
                + "Johnny Boursiquot: Thanks, Jerod. So why RoadRunner?\n\n"
                + "Anton Titov: Because PHP workers die after every request.\n");
    assertEquals("Jerod Santo", turnWith(p, "Shout-out"));
  }

  @Test
  void onceSeenLabelsThatAreAListOrStartInLowerCaseAreSpeech() {
    ParsedTranscript p =
        parser.parseText(
            "Anna: What are the priorities this year?\n"
                + "Boris: There are three.\n"
                + "Economy: growth of four percent.\n"
                + "Health: new hospitals in every region.\n"
                + "Education: more teachers.\n"
                + "Anna: And the budget?\n"
                + "Boris: It is balanced.\n");
    assertEquals(List.of("Anna", "Boris", "Anna", "Boris"), speakers(p));
    assertTrue(p.turns().get(1).text().contains("Health: new hospitals"));
  }

  @Test
  void labelsInAnyScriptAndWithInvisibleCharacters() {
    ParsedTranscript arabic =
        parser.parseText(
            "س: أين ولدت؟\n"
                + "ج: ولدت في القاهرة عام ١٩٥٠.\n"
                + "س: وماذا كان يعمل والدك؟\n"
                + "ج: كان معلما.\n");
    assertEquals(List.of("س", "ج", "س", "ج"), speakers(arabic));
    ParsedTranscript hidden =
        parser.parseText(
            "INTER\u200DVIEWER: Where were you born?\nSMITH: In Leeds.\n"
                + "INTERVIEWER: And your father?\nSMITH: A miner.\n");
    assertEquals(
        Set.of("Interviewer", "Smith"),
        hidden.turns().stream().map(Turn::speaker).collect(Collectors.toSet()));
  }

  @Test
  void captionsWithUnnamedChangesOfSpeakerDoNotGlueThemToTheLastNamedOne() {
    List<Block> cues =
        List.of(
            new Block("Welcome back to the council meeting.", "Chair Reid", 0.0, 3.0),
            new Block("Thank you, madam chair, I have a question.", null, 3.0, 6.0, true),
            new Block("Please go ahead.", "Chair Reid", 6.0, 8.0));
    ParsedTranscript p = parser.parseBlocks(cues);
    assertEquals(3, p.turns().size());
    assertFalse(p.turns().get(1).speaker().equals("Chair Reid"));
    assertTrue(p.turns().get(1).inferred());
  }

  @Test
  void aRunOfInitialsIsReadInLinearTime() {
    // Once made the name patterns try exponentially many splits (seconds for 20 initials, a hang
    // for 40).
    String letters =
        "A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V. W. X. Y. Z. are the letters. "
            .repeat(40);
    ParsedTranscript p =
        parser.parseText("Q: What are they?\n\nA: " + letters + "\n\n" + "J. ".repeat(2000) + "\n");
    assertEquals(List.of("Q", "A"), speakers(p));
  }

  @Test
  void explainSaysWhichStyleWasRecognised() {
    ParsedTranscript p =
        parser.parseText(
            "ROPER.\n"
                + "Well, what do you say?\n\n"
                + "JERRAM.\n"
                + "Nothing, sir.\n\n"
                + "ROPER.\n"
                + "Then go.\n\n"
                + "JERRAM.\n"
                + "I shall.\n");
    assertTrue(p.attribution().contains("names alone in their paragraph"), p.attribution());
  }
}

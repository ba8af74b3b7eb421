package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.transcriptnlp.formats.TranscriptReader;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Turn;

/** Properties of the turn parser and the pairing that must hold for any input. */
class ParserPropertiesTest {
  private static final List<String> LABELS =
      List.of(
          "Q: ",
          "A: ",
          "Q ",
          "DK:",
          "TOKAYEV: ",
          "Tokayev: ",
          "**Rob Pike:** ",
          "MS. PSAKI:  ",
          "Mr. WARNER. ",
          "Kassym-Jomart TOKAYEV(Tokayev): ",
          "[00:09:25] Jane Doe: ",
          "Photo: ",
          "",
          "",
          "");

  /** Transcript-like text: labels of several styles, questions, stage directions, noise. */
  @Provide
  Arbitrary<String> transcripts() {
    Arbitrary<String> label = Arbitraries.of(LABELS);
    Arbitrary<String> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(' ', ' ', ' ', ',', 'é', '’', '—')
            .ofMinLength(0)
            .ofMaxLength(60);
    Arbitrary<String> end =
        Arbitraries.of(".", "?", "!", "", " (Laughter.)", " [crosstalk 01:07:27]", "?”", ":");
    Arbitrary<String> line =
        Combinators.combine(
                label, Arbitraries.of("I ", "You ", "We ", "The ", "And ", "", "Why "), words, end)
            .as((l, start, w, e) -> l + start + w + e);
    Arbitrary<String> separator = Arbitraries.of("\n", "\n\n", "\r\n", "\n \u00A0\n", "\f\n");
    return Combinators.combine(line.list().ofMinSize(0).ofMaxSize(25), separator)
        .as((lines, sep) -> String.join(sep, lines));
  }

  @Provide
  Arbitrary<String> anything() {
    return Arbitraries.strings().all().ofMaxLength(400);
  }

  private static ParsedTranscript parse(String text) {
    return new TurnParser().parseBlocks(new TranscriptReader(null).read("x.txt", text).blocks());
  }

  @Property(tries = 500)
  void neverThrowsOnArbitraryText(@ForAll("anything") String text) {
    ParsedTranscript p = parse(text);
    QaPairer.pair(p.turns());
  }

  @Property(tries = 200)
  void neverThrowsWhateverTheFormat(
      @ForAll("anything") String text, @ForAll("formatNames") String name) {
    try {
      new TurnParser().parseBlocks(new TranscriptReader(null).read(name, text).blocks());
    } catch (IllegalArgumentException expected) {
      // malformed captions and unknown JSON are refused with a reason, which is the contract
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
  }

  @Provide
  Arbitrary<String> formatNames() {
    return Arbitraries.of("a.txt", "a.md", "a.html", "a.vtt", "a.srt", "a.json", "noext");
  }

  @Property(tries = 500)
  void parsingIsDeterministic(@ForAll("transcripts") String text) {
    assertEquals(parse(text), parse(text));
  }

  @Property(tries = 500)
  void turnsAreNumberedInOrderAndNeverEmpty(@ForAll("transcripts") String text) {
    List<Turn> turns = parse(text).turns();
    for (int i = 0; i < turns.size(); i++) {
      assertEquals(i, turns.get(i).index());
      assertTrue(
          !turns.get(i).paragraphs().isEmpty()
              && turns.get(i).paragraphs().stream().noneMatch(String::isBlank));
    }
  }

  @Property(tries = 500)
  void pairingNeverUsesATurnTwiceAsAnAnswer(@ForAll("transcripts") String text) {
    List<QaPair> pairs = QaPairer.pair(parse(text).turns());
    Set<Integer> answers = new HashSet<>();
    for (int i = 0; i < pairs.size(); i++) {
      QaPair p = pairs.get(i);
      assertEquals(i, p.answerIndex());
      assertTrue(answers.add(p.answer().index()), "answer turn used twice");
      assertTrue(p.question().index() < p.answer().index(), "a question comes before its answer");
    }
  }

  @Property(tries = 500)
  void everyWordOfSpeechIsInExactlyOnePlace(@ForAll("transcripts") String text) {
    ParsedTranscript p = parse(text);
    // Each distinct marker word put in the text ends up once, in a turn, in non-speech, or in a
    // stage direction; nothing is dropped and nothing is duplicated.
    StringBuilder all = new StringBuilder();
    for (Turn t : p.turns()) {
      all.append(t.text()).append('\n').append(String.join(" ", t.stageDirections())).append('\n');
    }
    for (String n : p.nonSpeech()) {
      all.append(n).append('\n');
    }
    String out = all.toString();
    for (String w : text.split("[^a-z]+")) {
      boolean inALabel =
          LABELS.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains(w));
      if (w.length() >= 6 && !inALabel) {
        assertEquals(occurrences(text, w), occurrences(out, w), "dropped or duplicated: " + w);
      }
    }
  }

  private static int occurrences(String text, String word) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?<![a-z])" + word + "(?![a-z])").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

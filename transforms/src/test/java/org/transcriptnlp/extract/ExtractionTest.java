package org.transcriptnlp.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.model.TranscriptDoc;
import org.transcriptnlp.testing.Fixtures;

/** The one chain from bytes to answers, step by step and whole, and why it rejects a file. */
class ExtractionTest {
  private static final String NO_LABELS =
      "Just some text about the weather.\n\nAnother paragraph, still with no speaker at all.\n";

  @Test
  void theSeedGivesItsAnswersStepByStepAndWhole() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.seed());
    String path = Fixtures.seed().toString();
    Extraction x = new Extraction();

    Extraction.Read read = x.read(path, "interview-tokayev-2024.txt", bytes);
    TranscriptDoc doc = read.doc();
    assertEquals(Ids.transcriptId(bytes), doc.transcriptId());
    assertTrue(doc.transcriptId().matches("[0-9a-f]{16}"), doc.transcriptId());
    assertEquals("text", doc.format());
    assertEquals(path, doc.sourcePath());

    ParsedDoc parsed = x.parse(doc);
    assertTrue(parsed.doc().blocks().isEmpty(), "the paragraphs do not travel on");
    List<AnswerUnit> answers = x.pair(parsed);
    assertEquals(26, answers.size());
    for (int i = 0; i < answers.size(); i++) {
      AnswerUnit a = answers.get(i);
      assertEquals(i, a.answerIndex());
      assertEquals(Ids.answerId(doc.transcriptId(), i), a.answerId());
      assertTrue(a.questionTurnIndex() < a.answerTurnIndex(), a.answerId());
      assertEquals(parsed.parsed().turns().get(a.answerTurnIndex()).text(), a.answerText());
    }
    assertEquals(answers, new Extraction().answers(path, "interview-tokayev-2024.txt", bytes));
  }

  @Test
  void oneInstanceGivesEveryFileWhatAFreshOneGives() throws Exception {
    byte[] seed = Files.readAllBytes(Fixtures.seed());
    Path other = Fixtures.path("samples/transcripts/wh_2024-10-22_gaggle_air-force-one.md");
    byte[] gaggle = Files.readAllBytes(other);
    Extraction reused = new Extraction();
    List<AnswerUnit> first = reused.answers("seed", "seed.txt", seed);
    reused.answers("gaggle", other.getFileName().toString(), gaggle);
    assertEquals(first, reused.answers("seed", "seed.txt", seed));
    assertEquals(
        new Extraction().answers("gaggle", other.getFileName().toString(), gaggle),
        reused.answers("gaggle", other.getFileName().toString(), gaggle));
  }

  @Test
  void aFileWithNoSpeakerLabelsIsRejectedAtParseWithTheReason() throws Exception {
    Extraction x = new Extraction();
    TranscriptDoc doc = x.read("in/notes.txt", "notes.txt", utf8(NO_LABELS)).doc();
    Failure f = assertThrows(Extraction.Rejected.class, () -> x.parse(doc)).failure();
    assertEquals("in/notes.txt", f.sourcePath());
    assertEquals("parse", f.stage());
    assertEquals("no_speaker_labels", f.reason());
    assertEquals(
        "no paragraph starts with a speaker label such as 'Name:', 'NAME:' or 'Q:' (2 paragraphs"
            + " of non-speech)",
        f.detail());
    assertNull(f.elementId());
  }

  @Test
  void labelsWithNothingAfterThemAreRejectedAsSuch() throws Exception {
    Extraction x = new Extraction();
    TranscriptDoc doc = x.read("in/l.txt", "l.txt", utf8("Q:\n\nA:\n")).doc();
    Failure f = assertThrows(Extraction.Rejected.class, () -> x.parse(doc)).failure();
    assertEquals("parse", f.stage());
    assertEquals("labels_without_text", f.reason());
  }

  @Test
  void bytesThatAreNoTextAreRejectedWhenRead() {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    Failure f =
        assertThrows(
                Extraction.Rejected.class, () -> new Extraction().read("in/b.txt", "b.txt", binary))
            .failure();
    assertEquals("in/b.txt", f.sourcePath());
    assertEquals("decode", f.stage());
    assertTrue(!f.reason().isBlank() && !f.detail().isBlank(), f.toString());
  }

  @Test
  void explainListsTheTurnsAndSaysWhyTheJobWouldRejectAFile() throws Exception {
    Extraction x = new Extraction();
    String seed =
        x.explain("seed.txt", "interview-tokayev-2024.txt", Files.readAllBytes(Fixtures.seed()));
    assertTrue(seed.startsWith("seed.txt: read as text; "), seed.lines().findFirst().orElse(""));
    assertTrue(seed.contains(" 26 answers"), seed.lines().findFirst().orElse(""));
    assertTrue(!seed.contains("the job rejects this file"));

    String notes = x.explain("notes.txt", "notes.txt", utf8(NO_LABELS));
    assertTrue(
        notes.endsWith(
            "the job rejects this file (no_speaker_labels): no paragraph starts with a speaker"
                + " label such as 'Name:', 'NAME:' or 'Q:' (2 paragraphs of non-speech)\n"),
        notes);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

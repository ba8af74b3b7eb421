package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.testing.Fixtures;

/**
 * JSON found by its structure: the real Rev.ai sample, and the documented shapes of the
 * speech-to-text services and court-argument exports (small inputs written after their published
 * schemas).
 */
class JsonShapesTest {
  private static final Path CORPUS = Fixtures.path("transforms/src/test/resources/corpus");

  private static List<Block> read(String json) {
    return new JsonReader().read(json);
  }

  @Test
  void revAiMonologuesOfElementsAreJoinedAsWritten() throws Exception {
    List<Block> blocks =
        read(
            Files.readString(
                CORPUS.resolve("json-speakers/revai_sdk-sample_monologues-elements.json")));
    assertEquals(1, blocks.size());
    Block b = blocks.get(0);
    assertEquals("Speaker 0", b.speaker());
    assertEquals(0.48, b.startSeconds());
    assertEquals(106.5, b.endSeconds());
    assertTrue(
        b.text()
            .startsWith(
                "Hi, my name's Jack Groetzinger and I'm going to be talking about how to recruit a"
                    + " co-founder and a team for your startup. I'm going to first give"),
        b.text());
  }

  @Test
  void courtArgumentSectionsOfTurnsWithSpeakerObjectsAndTextBlocks() {
    String oyez =
        "{\"title\": \"Argument\", \"transcript\": {\"sections\": [{\"start\": 0, \"stop\": 30,"
            + " \"turns\": [{\"start\": 0, \"stop\": 10, \"speaker\": {\"ID\": 1, \"name\": \"John"
            + " G. Roberts, Jr.\", \"roles\": [{\"type\": \"scotus_justice\"}]}, \"text_blocks\":"
            + " [{\"start\": 0, \"stop\": 5, \"text\": \"We'll hear argument first this"
            + " morning.\"}, {\"start\": 5, \"stop\": 10, \"text\": \"General"
            + " Verrilli.\"}]},{\"start\": 10, \"stop\": 30, \"speaker\": {\"ID\": 2, \"name\":"
            + " \"Donald B. Verrilli, Jr.\"}, \"text_blocks\": [{\"start\": 10, \"stop\": 30,"
            + " \"text\": \"Mr. Chief Justice, and may it please the Court:\"}]}]},{\"start\": 30,"
            + " \"stop\": 40, \"turns\": [{\"start\": 30, \"stop\": 40, \"speaker\": {\"ID\": 1,"
            + " \"name\": \"John G. Roberts, Jr.\"}, \"text_blocks\": [{\"start\": 30, \"stop\":"
            + " 40, \"text\": \"Thank you, counsel.\"}]}]}]}}";
    assertEquals(
        List.of(
            new Block(
                "We'll hear argument first this morning. General Verrilli.",
                "John G. Roberts, Jr.",
                0.0,
                10.0),
            new Block(
                "Mr. Chief Justice, and may it please the Court:",
                "Donald B. Verrilli, Jr.",
                10.0,
                30.0),
            new Block("Thank you, counsel.", "John G. Roberts, Jr.", 30.0, 40.0)),
        read(oyez));
  }

  @Test
  void assemblyAiUtterancesInMillisecondsWinOverItsWords() {
    String json =
        "{\"id\": \"x\", \"status\": \"completed\", \"text\": \"Hello there. Hi.\", \"words\":"
            + " [{\"text\": \"Hello\", \"start\": 250, \"end\": 650, \"confidence\": 0.9,"
            + " \"speaker\": \"A\"}, {\"text\": \"there.\", \"start\": 700, \"end\": 1200,"
            + " \"confidence\": 0.9, \"speaker\": \"A\"}, {\"text\": \"Hi.\", \"start\": 1500,"
            + " \"end\": 1900, \"confidence\": 0.9, \"speaker\": \"B\"}], \"utterances\":"
            + " [{\"confidence\": 0.9, \"end\": 1200, \"speaker\": \"A\", \"start\": 250, \"text\":"
            + " \"Hello there.\", \"words\": [{\"text\": \"Hello\", \"start\": 250, \"end\": 650,"
            + " \"speaker\": \"A\"}, {\"text\": \"there.\", \"start\": 700, \"end\": 1200,"
            + " \"speaker\": \"A\"}]}, {\"confidence\": 0.9, \"end\": 1900, \"speaker\": \"B\","
            + " \"start\": 1500, \"text\": \"Hi.\", \"words\": []}], \"audio_duration\": 2}";
    assertEquals(
        List.of(
            new Block("Hello there.", "Speaker A", 0.25, 1.2),
            new Block("Hi.", "Speaker B", 1.5, 1.9)),
        read(json));
  }

  @Test
  void deepgramUtterancesAndParagraphsAndWords() {
    String words =
        "[{\"word\": \"so\", \"start\": 0.1, \"end\": 0.3, \"confidence\": 0.9, \"speaker\": 0,"
            + " \"punctuated_word\": \"So\"},{\"word\": \"what\", \"start\": 0.3, \"end\": 0.5,"
            + " \"confidence\": 0.9, \"speaker\": 0, \"punctuated_word\": \"what?\"},{\"word\":"
            + " \"nothing\", \"start\": 0.9, \"end\": 1.4, \"confidence\": 0.9, \"speaker\": 1,"
            + " \"punctuated_word\": \"Nothing.\"}]";
    String paragraphs =
        "{\"transcript\": \"...\", \"paragraphs\": [{\"sentences\": [{\"text\": \"So what?\","
            + " \"start\": 0.1, \"end\": 0.5}], \"speaker\": 0, \"num_words\": 2, \"start\": 0.1,"
            + " \"end\": 0.5}, {\"sentences\": [{\"text\": \"Nothing.\", \"start\": 0.9, \"end\":"
            + " 1.4}], \"speaker\": 1, \"num_words\": 1, \"start\": 0.9, \"end\": 1.4}]}";
    List<Block> expected =
        List.of(
            new Block("So what?", "Speaker 0", 0.1, 0.5),
            new Block("Nothing.", "Speaker 1", 0.9, 1.4));
    assertEquals(
        expected,
        read(
            "{\"metadata\": {\"duration\": 1.5}, \"results\": {\"channels\": [{\"alternatives\":"
                + " [{\"transcript\": \"So what? Nothing.\", \"confidence\": 0.9, \"words\": "
                + words
                + "}]}]}}"));
    assertEquals(
        expected,
        read(
            "{\"results\": {\"channels\": [{\"alternatives\": [{\"transcript\": \"So what?"
                + " Nothing.\", \"words\": "
                + words
                + ", \"paragraphs\": "
                + paragraphs
                + "}]}]}}"));
    assertEquals(
        expected,
        read(
            "{\"results\": {\"channels\": [{\"alternatives\": [{\"words\": "
                + words
                + "}]}], \"utterances\": [{\"start\": 0.1, \"end\": 0.5, \"confidence\": 0.9,"
                + " \"channel\": 0, \"transcript\": \"So what?\", \"speaker\": 0, \"id\": \"u1\"},"
                + " {\"start\": 0.9, \"end\": 1.4, \"confidence\": 0.9, \"channel\": 0,"
                + " \"transcript\": \"Nothing.\", \"speaker\": 1, \"id\": \"u2\"}]}}"));
  }

  @Test
  void whisperXSegments() {
    String json =
        "{\"segments\": [{\"start\": 0.0, \"end\": 2.0, \"text\": \" Where were you?\","
            + " \"speaker\": \"SPEAKER_00\", \"words\": [{\"word\": \"Where\", \"start\": 0.0,"
            + " \"end\": 0.4, \"speaker\": \"SPEAKER_00\"}]}, {\"start\": 2.5, \"end\": 3.0,"
            + " \"text\": \" At home.\", \"speaker\": \"SPEAKER_01\", \"words\": []}],"
            + " \"word_segments\": [{\"word\": \"Where\", \"start\": 0.0, \"end\": 0.4,"
            + " \"speaker\": \"SPEAKER_00\"}]}";
    assertEquals(
        List.of(
            new Block("Where were you?", "SPEAKER_00", 0.0, 2.0),
            new Block("At home.", "SPEAKER_01", 2.5, 3.0)),
        read(json));
  }

  @Test
  void awsTranscribeItemsWithSpeakerLabelsOrJoinedToSpeakerSegmentsByTime() {
    String items =
        "[{\"start_time\": \"0.44\", \"end_time\": \"0.85\", \"alternatives\": [{\"confidence\":"
            + " \"0.99\", \"content\": \"Hello\"}], \"type\":"
            + " \"pronunciation\"SPK0},{\"alternatives\": [{\"confidence\": \"0.0\", \"content\":"
            + " \",\"}], \"type\": \"punctuation\"},{\"start_time\": \"0.85\", \"end_time\":"
            + " \"1.2\", \"alternatives\": [{\"confidence\": \"0.99\", \"content\": \"Ann\"}],"
            + " \"type\": \"pronunciation\"SPK0},{\"alternatives\": [{\"confidence\": \"0.0\","
            + " \"content\": \".\"}], \"type\": \"punctuation\"},{\"start_time\": \"2.0\","
            + " \"end_time\": \"2.3\", \"alternatives\": [{\"confidence\": \"0.99\", \"content\":"
            + " \"Hi\"}], \"type\": \"pronunciation\"SPK1},{\"alternatives\": [{\"confidence\":"
            + " \"0.0\", \"content\": \"!\"}], \"type\": \"punctuation\"}]";
    String segments =
        "\"speaker_labels\": {\"speakers\": 2, \"segments\": [{\"start_time\": \"0.44\","
            + " \"speaker_label\": \"spk_0\", \"end_time\": \"1.2\", \"items\": [{\"start_time\":"
            + " \"0.44\", \"speaker_label\": \"spk_0\", \"end_time\": \"0.85\"}]},{\"start_time\":"
            + " \"2.0\", \"speaker_label\": \"spk_1\", \"end_time\": \"2.3\", \"items\":"
            + " [{\"start_time\": \"2.0\", \"speaker_label\": \"spk_1\", \"end_time\":"
            + " \"2.3\"}]}]}";
    List<Block> expected =
        List.of(new Block("Hello, Ann.", "spk_0", 0.44, 1.2), new Block("Hi!", "spk_1", 2.0, 2.3));
    String old =
        "{\"jobName\": \"j\", \"status\": \"COMPLETED\", \"results\": {\"transcripts\":"
            + " [{\"transcript\": \"Hello, Ann. Hi!\"}], "
            + segments
            + ", \"items\": "
            + items.replace("SPK0", "").replace("SPK1", "")
            + "}}";
    assertEquals(expected, read(old));
    String perItem =
        "{\"results\": {\"transcripts\": [{\"transcript\": \"Hello, Ann. Hi!\"}], "
            + segments
            + ", \"items\": "
            + items
                .replace("SPK0", ", \"speaker_label\": \"spk_0\"")
                .replace("SPK1", ", \"speaker_label\": \"spk_1\"")
            + "}}";
    assertEquals(expected, read(perItem));
  }

  @Test
  void aSpeakerFieldByAnotherNameIsFoundFromItsRepeatedShortValues() {
    String json =
        "{\"episode\": 12, \"dialogue\": ["
            + "{\"who_said\": \"HOST\", \"said\": \"Welcome back to the show, everyone.\"},"
            + "{\"who_said\": \"GUEST\", \"said\": \"Thanks for having me again.\"},"
            + "{\"who_said\": \"HOST\", \"said\": \"Let us start with the book.\"},"
            + "{\"who_said\": \"GUEST\", \"said\": \"It took me four years to write.\"}]}";
    List<Block> blocks = read(json);
    assertEquals(4, blocks.size());
    assertEquals(
        new Block("Welcome back to the show, everyone.", "HOST", null, null), blocks.get(0));
    assertEquals("GUEST", blocks.get(3).speaker());
  }

  @Test
  void jsonWithoutSpeakersIsRefusedNamingItsKeysAndArrays() {
    JsonReader.UnknownShapeException e =
        assertThrows(
            JsonReader.UnknownShapeException.class,
            () ->
                read(
                    "{\"title\": \"Notes\", \"items\": [{\"title\": \"a\", \"description\": \"A"
                        + " long text here.\"}, {\"title\": \"b\", \"description\": \"Another long"
                        + " text.\"}]}"));
    assertEquals("unknown_json_shape", e.reason());
    assertTrue(e.getMessage().contains("keys [title, items]"), e.getMessage());
    assertTrue(
        e.getMessage().contains("$.items[*] (2 objects with keys [description, title])"),
        e.getMessage());
  }
}

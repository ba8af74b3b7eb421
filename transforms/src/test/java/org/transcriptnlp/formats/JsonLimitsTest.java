package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * JSON past Jackson's limits ({@link StreamReadConstraints}) is refused with a reason of its own
 * and a detail naming the limit and where it was reached, not as a parser error.
 */
class JsonLimitsTest {
  private static FormatException refusal(JsonReader reader, String json) {
    return assertThrows(FormatException.class, () -> reader.read(json));
  }

  private static String nested(int depth) {
    return "{\"turns\": " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  @Test
  void nestingPastTheLimitIsTooDeep() {
    new JsonReader()
        .read(
            "{\"turns\": [{\"speaker\": \"A\", \"text\": \"Hello there.\"}], \"x\": "
                + nested(150)
                + "}");
    for (int depth : new int[] {201, 1001, 5000}) {
      FormatException e = refusal(new JsonReader(), nested(depth));
      assertEquals("json_too_deep", e.reason());
      assertEquals(
          "the JSON nests deeper than 200 levels at line 1, column 211 (the reader's limit, Jackson"
              + " StreamReadConstraints.maxNestingDepth); a transcript needs a few levels: flatten"
              + " it or split the file",
          e.getMessage());
    }
  }

  @Test
  void aStringPastTheLimitIsTooLong() {
    String json =
        "{\"utterances\": [\n{\"speaker\": \"A\", \"text\": \"" + "word ".repeat(21) + "\"}]}";
    FormatException e =
        refusal(new JsonReader(StreamReadConstraints.builder().maxStringLength(100).build()), json);
    assertEquals("json_string_too_long", e.reason());
    assertEquals(
        "a JSON string is longer than 100 characters at line 2, column 133 (Jackson "
            + "StreamReadConstraints.maxStringLength); split the text into utterances",
        e.getMessage());
  }

  /** Jackson's own limit, 20,000,000 characters, gives the same refusal. */
  @Test
  void aStringPastJacksonsDefaultIsTooLong() {
    String json = "[{\"speaker\": \"A\", \"text\": \"" + "x".repeat(20_000_001) + "\"}]";
    FormatException e = refusal(new JsonReader(), json);
    assertEquals("json_string_too_long", e.reason());
    assertEquals(
        "a JSON string is longer than 20,000,000 characters at line 1, column 20000030 (Jackson "
            + "StreamReadConstraints.maxStringLength); split the text into utterances",
        e.getMessage());
  }

  @Test
  void aNumberPastTheLimitIsTooLong() {
    String json =
        "[{\"speaker\": \"A\", \"text\": \"Hello.\", \"start\": " + "1".repeat(1001) + "}]";
    FormatException e = refusal(new JsonReader(), json);
    assertEquals("json_number_too_long", e.reason());
    assertEquals(
        "a JSON number is longer than 1,000 digits at line 1, column 1047 (Jackson "
            + "StreamReadConstraints.maxNumberLength)",
        e.getMessage());
  }

  @Test
  void truncatedJsonSaysWhereItStops() {
    FormatException e =
        refusal(new JsonReader(), "{\"segments\": [{\"speaker\": \"A\", \"text\": \"Hello");
    assertEquals("invalid_json", e.reason());
    assertEquals(
        "not valid JSON: Unexpected end-of-input: was expecting closing quote for a string value at"
            + " line 1, column 46",
        e.getMessage());
  }

  /** The file's refusal is the reader's: stage parse, its reason and detail. */
  @Test
  void aFileTooDeepIsRefusedAsSuch() {
    TranscriptFiles.Refused r =
        assertThrows(
            TranscriptFiles.Refused.class,
            () ->
                TranscriptFiles.read(
                    "deep.json", nested(1001).getBytes(StandardCharsets.UTF_8), null));
    assertEquals("parse", r.stage());
    assertEquals("json_too_deep", r.reason());
    assertEquals(refusal(new JsonReader(), nested(1001)).getMessage(), r.getMessage());
  }
}

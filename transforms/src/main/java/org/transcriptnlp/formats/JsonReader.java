package org.transcriptnlp.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.transcriptnlp.model.Block;

/**
 * JSON utterance lists, read with Jackson. Recognised shapes:
 *
 * <ul>
 *   <li>QMSum: {@code {"meeting_transcripts": [{"speaker", "content"}]}}
 *   <li>podcast namespace: {@code {"segments": [{"speaker", "startTime", "endTime", "body"}]}}
 *   <li>speech-to-text (WhisperX and similar): {@code {"segments": [{"speaker", "start", "end",
 *       "text"}]}}, also under {@code "utterances"}, or a top-level array of such segments
 * </ul>
 *
 * Consecutive segments of one speaker are merged into one paragraph (the podcast namespace writes
 * one word per segment). Any other shape is refused with the keys that were found.
 */
public final class JsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] LIST_KEYS = {"meeting_transcripts", "segments", "utterances", "transcript", "turns"};
  private static final String[] TEXT_KEYS = {"content", "text", "body", "utterance", "transcript"};
  private static final String[] SPEAKER_KEYS = {"speaker", "speaker_name", "speakerName", "name", "role"};
  private static final String[] START_KEYS = {"start", "startTime", "start_time", "begin"};
  private static final String[] END_KEYS = {"end", "endTime", "end_time"};

  /** The JSON is not an utterance list this reader knows. */
  public static final class UnknownShapeException extends FormatException {
    UnknownShapeException(String reason, String message) {
      super(reason, message);
    }
  }

  public List<Block> read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnknownShapeException("invalid_json", "not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")");
    }
    JsonNode list = utterances(root);
    if (list == null) {
      List<String> keys = new ArrayList<>();
      if (root != null && root.isObject()) {
        root.fieldNames().forEachRemaining(keys::add);
      }
      throw new UnknownShapeException(
          "unknown_json_shape",
          "no utterance list: expected an array of {speaker, text|content|body} under one of "
              + String.join(", ", LIST_KEYS) + " or at the top level; found "
              + (root == null ? "nothing" : root.isObject() ? "keys " + keys : "a " + root.getNodeType().name().toLowerCase()));
    }
    List<Block> blocks = new ArrayList<>();
    for (JsonNode item : list) {
      String text = field(item, TEXT_KEYS);
      if (text == null || text.isBlank()) {
        continue;
      }
      String speaker = field(item, SPEAKER_KEYS);
      Double start = number(item, START_KEYS);
      Double end = number(item, END_KEYS);
      text = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      if (last != null && speaker != null && Objects.equals(speaker, last.speaker())) {
        blocks.set(blocks.size() - 1, new Block(last.text() + " " + text, speaker, last.startSeconds(), end != null ? end : last.endSeconds()));
      } else {
        blocks.add(new Block(text, speaker == null ? null : speaker.strip(), start, end));
      }
    }
    return blocks;
  }

  /** The array of utterances, or null when the document has none. */
  private static JsonNode utterances(JsonNode root) {
    if (root == null) {
      return null;
    }
    if (root.isArray() && looksLikeUtterances(root)) {
      return root;
    }
    if (root.isObject()) {
      for (String key : LIST_KEYS) {
        JsonNode n = root.get(key);
        if (n != null && n.isArray() && looksLikeUtterances(n)) {
          return n;
        }
      }
    }
    return null;
  }

  private static boolean looksLikeUtterances(JsonNode array) {
    if (array.isEmpty()) {
      return false;
    }
    int utterances = 0;
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      if (n.isObject() && field(n, TEXT_KEYS) != null) {
        utterances++;
      }
    }
    return utterances * 2 >= array.size();
  }

  private static String field(JsonNode item, String[] keys) {
    for (String k : keys) {
      JsonNode n = item.get(k);
      if (n != null && n.isTextual()) {
        return n.asText();
      }
    }
    return null;
  }

  private static Double number(JsonNode item, String[] keys) {
    for (String k : keys) {
      JsonNode n = item.get(k);
      if (n != null && n.isNumber()) {
        return n.asDouble();
      }
      if (n != null && n.isTextual()) {
        Double s = Timestamps.seconds(n.asText());
        if (s != null) {
          return s;
        }
        try {
          return Double.parseDouble(n.asText());
        } catch (NumberFormatException ignored) {
          // not a number: try the next key
        }
      }
    }
    return null;
  }
}

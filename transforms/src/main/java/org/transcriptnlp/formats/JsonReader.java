package org.transcriptnlp.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.Timestamps;

/**
 * JSON transcripts of any reasonable shape, found by their structure: the reader walks the tree,
 * takes every array of objects as a candidate (arrays at the same path under different parents,
 * such as {@code sections[*].turns}, form one candidate, read in document order), and for each
 * finds per item a speaker (a string, a number or letter, an object with a name), a text (a string,
 * or nested pieces joined: {@code text_blocks[{text}]}, Rev.ai {@code elements[{value}]}, {@code
 * sentences[{text}]}, {@code alternatives[0]}) and times. Candidates are scored on coverage (items
 * with both), text length, words per item and speaker variety, and the best is read: QMSum,
 * podcast-namespace segments, WhisperX, AssemblyAI utterances, Deepgram utterances, paragraphs or
 * words, Rev.ai monologues, Oyez oral arguments, AWS Transcribe items (with speaker labels per
 * item, or speaker segments and timed words joined by time) all come out the same way.
 *
 * <p>Consecutive items of one speaker are merged into one paragraph (word-level lists become
 * sentences). JSON with no array of speaker-and-text objects is refused ({@code
 * unknown_json_shape}) with the keys it has.
 *
 * <p>Jackson's {@link StreamReadConstraints} bound what is read: nesting to {@link #MAX_NESTING}
 * levels (the reader walks the tree recursively; Jackson's default is 1,000), strings to Jackson's
 * default 20,000,000 characters and numbers to its 1,000 digits. Past a limit the file is refused
 * as {@code json_too_deep}, {@code json_string_too_long} or {@code json_number_too_long}, with the
 * limit and where it was reached.
 */
public final class JsonReader {
  /** Levels of nesting read; a transcript needs a few. */
  public static final int MAX_NESTING = 200;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build();

  private static final ObjectMapper MAPPER = mapper(LIMITS);

  private final ObjectMapper mapper;
  private final StreamReadConstraints limits;

  public JsonReader() {
    this(MAPPER, LIMITS);
  }

  /** A reader with other limits (lower ones, for tests of the limits without 20 MB strings). */
  JsonReader(StreamReadConstraints limits) {
    this(mapper(limits), limits);
  }

  private JsonReader(ObjectMapper mapper, StreamReadConstraints limits) {
    this.mapper = mapper;
    this.limits = limits;
  }

  private static ObjectMapper mapper(StreamReadConstraints limits) {
    return new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits).build());
  }

  /** Key names that say "this is the speaker", best first. */
  private static final List<String> SPEAKER_HINTS =
      List.of(
          "speakername",
          "speaker_name",
          "speaker",
          "speakerlabel",
          "speaker_label",
          "spk",
          "who",
          "name",
          "person",
          "participant",
          "character",
          "author",
          "role",
          "by",
          "from",
          "sender",
          "user",
          "voice",
          "talker");

  /** Key names that say "this is the text", best first. */
  private static final List<String> TEXT_HINTS =
      List.of(
          "text",
          "content",
          "body",
          "transcript",
          "utterance",
          "punctuated_word",
          "value",
          "sentence",
          "speech",
          "line",
          "dialogue",
          "message",
          "caption",
          "paragraph",
          "words",
          "word",
          "alternatives",
          "text_blocks",
          "elements",
          "sentences");

  /** Keys that are never a speaker, however their values repeat. */
  private static final Set<String> NOT_SPEAKER =
      Set.of(
          "type",
          "kind",
          "class",
          "category",
          "status",
          "lang",
          "language",
          "locale",
          "format",
          "version",
          "channel",
          "tag",
          "confidence",
          "id",
          "uuid",
          "topic",
          "title",
          "url",
          "href",
          "src",
          "source");

  private static final List<String> START_HINTS =
      List.of(
          "start",
          "starttime",
          "start_time",
          "start_ts",
          "ts",
          "begin",
          "from",
          "offset",
          "start_ms",
          "startms",
          "start_seconds",
          "startseconds",
          "time",
          "timestamp");
  private static final List<String> END_HINTS =
      List.of(
          "end",
          "endtime",
          "end_time",
          "end_ts",
          "stop",
          "to",
          "end_ms",
          "endms",
          "end_seconds",
          "endseconds");

  private static final Pattern CLOSING_PUNCT =
      Pattern.compile("^[.,!?;:%)\\]}…»”’]+$|^['’](?:s|t|re|ve|ll|d|m)\\b.*");

  /** The JSON is not an utterance list this reader knows. */
  public static final class UnknownShapeException extends FormatException {
    UnknownShapeException(String reason, String message) {
      super(reason, message);
    }
  }

  public List<Block> read(String json) {
    JsonNode root = tree(json);
    if (root == null || root.isMissingNode()) {
      throw new UnknownShapeException("invalid_json", "not valid JSON: no value");
    }
    Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
    collect(root, "$", groups, 0);
    Candidate best = null;
    List<Candidate> timedSpeakers = new ArrayList<>();
    List<Candidate> timedWords = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> g : groups.entrySet()) {
      Candidate c = Candidate.of(g.getKey(), g.getValue());
      if (c == null) {
        continue;
      }
      if (c.speakerKey != null && c.textKey != null) {
        if (c.score() > 0 && (best == null || c.score() > best.score())) {
          best = c;
        }
      } else if (c.speakerKey != null && c.startKey != null && c.endKey != null) {
        timedSpeakers.add(c);
      } else if (c.textKey != null && c.startKey != null) {
        timedWords.add(c);
      }
    }
    Map<String, String> names = speakerTable(groups);
    if (best != null) {
      return named(best.blocks(), names);
    }
    List<Block> joined = joinByTime(timedSpeakers, timedWords);
    if (joined != null) {
      return named(joined, names);
    }
    throw new UnknownShapeException("unknown_json_shape", unknownShape(root, groups));
  }

  /**
   * The JSON's tree. A refusal says where the parser stopped: the exception's own location when it
   * has one, else the parser's (Jackson gives a {@link StreamConstraintsException} no location).
   */
  private JsonNode tree(String json) {
    JsonParser parser;
    try {
      parser = mapper.createParser(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String source does no I/O
    }
    // not try-with-resources: its catch clauses would run after the close, when the parser's
    // location is no longer where it stopped
    try {
      return mapper.readTree(parser);
    } catch (StreamConstraintsException e) {
      throw overLimit(e, parser.currentLocation());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw new UnknownShapeException(
          "invalid_json", "not valid JSON: " + e.getOriginalMessage() + " " + where(at));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        parser.close();
      } catch (IOException e) {
        // a String source: nothing to release
      }
    }
  }

  /**
   * The refusal of JSON past one of Jackson's limits, which names the limit and where it was
   * reached.
   */
  private UnknownShapeException overLimit(StreamConstraintsException e, JsonLocation at) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // "Depth (201) exceeds ..." up to Jackson 2.18, "Document nesting depth (201) exceeds ..." from
    // 2.19
    if (message.startsWith("Depth") || message.startsWith("Document nesting depth")) {
      return new UnknownShapeException(
          "json_too_deep",
          String.format(
              Locale.ROOT,
              "the JSON nests deeper than %,d levels %s (the reader's limit, Jackson"
                  + " StreamReadConstraints.maxNestingDepth); a transcript needs a few levels:"
                  + " flatten it or split the file",
              limits.getMaxNestingDepth(),
              where(at)));
    }
    if (message.startsWith("String")) {
      return new UnknownShapeException(
          "json_string_too_long",
          String.format(
              Locale.ROOT,
              "a JSON string is longer than %,d characters %s (Jackson"
                  + " StreamReadConstraints.maxStringLength); split the text into utterances",
              limits.getMaxStringLength(),
              where(at)));
    }
    if (message.startsWith("Number")) {
      return new UnknownShapeException(
          "json_number_too_long",
          String.format(
              Locale.ROOT,
              "a JSON number is longer than %,d digits %s (Jackson"
                  + " StreamReadConstraints.maxNumberLength)",
              limits.getMaxNumberLength(),
              where(at)));
    }
    return new UnknownShapeException(
        "invalid_json", "not valid JSON: " + message + " " + where(at));
  }

  private static String where(JsonLocation at) {
    return "at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String unknownShape(JsonNode root, Map<String, List<JsonNode>> groups) {
    StringBuilder sb =
        new StringBuilder(
            "no array of objects with a speaker and a text (e.g. [{\"speaker\", \"text\"}])"
                + " anywhere in it; found ");
    if (root.isObject()) {
      List<String> keys = new ArrayList<>();
      root.fieldNames().forEachRemaining(keys::add);
      sb.append("keys ").append(keys);
    } else {
      sb.append("a top-level ").append(root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    List<String> arrays = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> g : groups.entrySet()) {
      if (arrays.size() == 5) {
        arrays.add("...");
        break;
      }
      Set<String> keys = new java.util.TreeSet<>();
      g.getValue().stream().limit(20).forEach(n -> n.fieldNames().forEachRemaining(keys::add));
      arrays.add(g.getKey() + " (" + g.getValue().size() + " objects with keys " + keys + ")");
    }
    if (!arrays.isEmpty()) {
      sb.append("; arrays of objects: ").append(String.join(", ", arrays));
    }
    return sb.toString();
  }

  /** Every array of objects in the tree, grouped by its path with array indices wildcarded. */
  private static void collect(
      JsonNode node, String path, Map<String, List<JsonNode>> groups, int depth) {
    if (depth > 64) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), path + "." + e.getKey(), groups, depth + 1);
      }
    } else if (node.isArray()) {
      int objects = 0;
      for (JsonNode n : node) {
        objects += n.isObject() ? 1 : 0;
      }
      if (objects > 0 && objects * 2 >= node.size()) {
        List<JsonNode> items = groups.computeIfAbsent(path + "[*]", k -> new ArrayList<>());
        for (JsonNode n : node) {
          if (n.isObject()) {
            items.add(n);
          }
        }
      }
      for (JsonNode n : node) {
        collect(n, path + "[*]", groups, depth + 1);
      }
    }
  }

  /** A normalised key name: lower case, no dashes. */
  private static String norm(String key) {
    return key.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static int hintRank(String key, List<String> hints) {
    String k = norm(key);
    int i = hints.indexOf(k);
    if (i >= 0) {
      return i;
    }
    i = hints.indexOf(k.replace("_", ""));
    return i;
  }

  /**
   * An array (or arrays at one path) of objects, with the keys that hold speaker, text and times.
   */
  private static final class Candidate {
    final String path;
    final List<JsonNode> items;
    String speakerKey;
    String textKey;
    String startKey;
    String endKey;
    double timeUnit = 1;
    int withBoth;
    long textChars;
    int speakers;

    Candidate(String path, List<JsonNode> items) {
      this.path = path;
      this.items = items;
    }

    static Candidate of(String path, List<JsonNode> items) {
      Candidate c = new Candidate(path, items);
      Map<String, Integer> present = new HashMap<>();
      for (JsonNode n : items) {
        n.fieldNames().forEachRemaining(k -> present.merge(k, 1, Integer::sum));
      }
      List<String> common =
          present.entrySet().stream()
              .filter(e -> e.getValue() * 2 >= items.size())
              .map(Map.Entry::getKey)
              .toList();
      c.startKey = timeKey(items, common, START_HINTS);
      c.endKey = timeKey(items, common, END_HINTS);
      if (Objects.equals(c.startKey, c.endKey)) {
        c.endKey = null;
      }
      Set<String> times = new HashSet<>();
      times.add(c.startKey);
      times.add(c.endKey);
      c.textKey = textKey(items, common, times);
      c.speakerKey = speakerKey(items, common, c.textKey);
      if (c.speakerKey == null && c.textKey == null) {
        return null;
      }
      c.timeUnit = millis(items, c.startKey, c.endKey) ? 1000 : 1;
      if (c.speakerKey != null && c.textKey != null) {
        Set<String> names = new HashSet<>();
        for (JsonNode n : items) {
          String t = text(n.get(c.textKey));
          String s = speaker(n.get(c.speakerKey));
          if (t != null && !t.isBlank()) {
            c.textChars += t.length();
            if (s != null) {
              c.withBoth++;
              names.add(s);
            }
          }
        }
        c.speakers = names.size();
      }
      return c;
    }

    /**
     * Higher is more likely the transcript: covered items, amount of text, words per item,
     * speakers.
     */
    double score() {
      if (withBoth == 0) {
        return 0;
      }
      double coverage = (double) withBoth / items.size();
      double meanChars = (double) textChars / Math.max(1, withBoth);
      double variety = speakers >= 2 ? 1.0 : 0.5;
      return coverage * Math.log1p(textChars) * Math.log(2 + meanChars) * variety;
    }

    List<Block> blocks() {
      List<Block> blocks = new ArrayList<>();
      Merger merger = new Merger(blocks);
      String previous = null;
      boolean words = (double) textChars / Math.max(1, withBoth) < 20;
      for (JsonNode n : items) {
        String t = text(n.get(textKey));
        if (t == null) {
          continue;
        }
        String s = speaker(n.get(speakerKey));
        if (s == null && words) {
          s = previous; // a punctuation mark or a word without a speaker of its own continues the
          // turn
        } else if (s == null) {
          // An utterance whose speaker is not known (Oyez's null speaker): someone else speaks.
          merger.unnamed(t, seconds(n, startKey, true), seconds(n, endKey, false));
          previous = null;
          continue;
        }
        previous = s;
        merger.add(s, t, seconds(n, startKey, true), seconds(n, endKey, false));
      }
      return merger.done();
    }

    Double seconds(JsonNode item, String key, boolean first) {
      Double s = key == null ? null : number(item.get(key));
      if (s == null && textKey != null) {
        s = nestedTime(item.get(textKey), first);
      }
      return s == null ? null : s / timeUnit;
    }
  }

  /** Consecutive texts of one speaker become one block; word-level pieces are joined as words. */
  private static final class Merger {
    final List<Block> blocks;

    Merger(List<Block> blocks) {
      this.blocks = blocks;
    }

    void add(String speaker, String raw, Double start, Double end) {
      String text = raw.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      if (text.isEmpty()) {
        return;
      }
      Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      if (last != null
          && Objects.equals(speaker, last.speaker())
          && (speaker != null || CLOSING_PUNCT.matcher(text).matches())) {
        blocks.set(
            blocks.size() - 1,
            new Block(
                joinWords(last.text(), text),
                speaker,
                last.startSeconds(),
                end != null ? end : last.endSeconds()));
      } else {
        blocks.add(new Block(text, speaker, start, end));
      }
    }

    void unnamed(String raw, Double start, Double end) {
      String text = raw.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        blocks.add(new Block(text, null, start, end, true));
      }
    }

    List<Block> done() {
      return blocks;
    }
  }

  /** Two pieces of text with a space between, but none before closing punctuation. */
  static String joinWords(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    if (CLOSING_PUNCT.matcher(b).matches()
        || a.endsWith("(")
        || a.endsWith("“")
        || a.endsWith("-")) {
      return a + b;
    }
    return a + " " + b;
  }

  /** The key whose values are the speaker: a hinted name first, else short values that repeat. */
  private static String speakerKey(List<JsonNode> items, List<String> common, String textKey) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String k : common) {
      if (k.equals(textKey)) {
        continue;
      }
      int rank = hintRank(k, SPEAKER_HINTS);
      if (rank < 0 && norm(k).contains("speaker")) {
        rank = 2;
      }
      if (rank < 0 || rank >= bestRank) {
        continue;
      }
      if (speakerValues(items, k) != null) {
        best = k;
        bestRank = rank;
      }
    }
    if (best != null) {
      return best;
    }
    // No hinted key: a string key with short values that repeat (a speaker column by another name).
    for (String k : common) {
      if (k.equals(textKey) || NOT_SPEAKER.contains(norm(k)) || items.size() < 4) {
        continue;
      }
      List<String> values = speakerValues(items, k);
      if (values == null) {
        continue;
      }
      Set<String> distinct = new HashSet<>(values);
      double meanLength = values.stream().mapToInt(String::length).average().orElse(99);
      boolean allNumbers = values.stream().allMatch(v -> v.startsWith("Speaker "));
      if (!allNumbers
          && distinct.size() >= 2
          && distinct.size() * 2 <= values.size()
          && meanLength <= 40
          && values.stream().noneMatch(v -> v.contains(". ") || v.endsWith("?"))) {
        return k;
      }
    }
    return null;
  }

  /** The speakers of the items under key k, or null when k does not hold speakers. */
  private static List<String> speakerValues(List<JsonNode> items, String k) {
    List<String> values = new ArrayList<>();
    for (JsonNode n : items) {
      JsonNode v = n.get(k);
      if (v == null || v.isNull()) {
        continue;
      }
      String s = speaker(v);
      if (s == null) {
        return null;
      }
      values.add(s);
    }
    return values.isEmpty() ? null : values;
  }

  /**
   * A table of the speakers, where the document has one (Rev's {@code speakers: [{id: 0, name:
   * "Speaker 1"}]}, {@code participants}): their names by id, as {@link #speaker} writes an id.
   */
  private static Map<String, String> speakerTable(Map<String, List<JsonNode>> groups) {
    Map<String, String> names = new HashMap<>();
    for (Map.Entry<String, List<JsonNode>> g : groups.entrySet()) {
      String path = g.getKey().toLowerCase(java.util.Locale.ROOT);
      if (!path.matches(
          ".*(?:speakers|participants|people|persons|members|channels)(?:\\[\\*\\])?$")) {
        continue;
      }
      for (JsonNode item : g.getValue()) {
        JsonNode id =
            item.has("id")
                ? item.get("id")
                : item.get("speaker_id") != null ? item.get("speaker_id") : item.get("speakerId");
        JsonNode name =
            item.has("name")
                ? item.get("name")
                : item.has("label") ? item.get("label") : item.get("display_name");
        String key = speaker(id);
        if (key != null && name != null && name.isTextual() && !name.asText().isBlank()) {
          names.put(key, name.asText().strip());
        }
      }
    }
    return names;
  }

  private static List<Block> named(List<Block> blocks, Map<String, String> names) {
    if (names.isEmpty()) {
      return blocks;
    }
    List<Block> out = new ArrayList<>(blocks.size());
    for (Block b : blocks) {
      String name = b.speaker() == null ? null : names.get(b.speaker());
      out.add(
          name == null
              ? b
              : new Block(b.text(), name, b.startSeconds(), b.endSeconds(), b.speakerChange()));
    }
    return out;
  }

  /** A speaker as JSON gives it: a short string, a small number, an object with a name. */
  static String speaker(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      String s = v.asText().strip();
      if (s.isEmpty() || s.length() > 80 || s.contains("\n")) {
        return null;
      }
      return s.matches("\\p{L}|\\d{1,3}") ? "Speaker " + s : s;
    }
    if (v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() < 1000) {
      return "Speaker " + v.asLong();
    }
    if (v.isObject()) {
      for (String k :
          List.of(
              "name",
              "full_name",
              "fullName",
              "display_name",
              "displayName",
              "label",
              "speaker",
              "id")) {
        JsonNode n = v.get(k);
        if (n != null && (n.isTextual() || n.isIntegralNumber())) {
          return speaker(n);
        }
      }
    }
    return null;
  }

  /**
   * The key of the text: a hinted key that holds text, else the string key with the longest values.
   */
  private static String textKey(List<JsonNode> items, List<String> common, Set<String> times) {
    String best = null;
    double bestScore = 0;
    for (String k : common) {
      if (times.contains(k)) {
        continue;
      }
      long chars = 0;
      int texts = 0;
      int spaces = 0;
      for (JsonNode n : items) {
        String t = text(n.get(k));
        if (t != null && !t.isBlank()) {
          chars += t.length();
          texts++;
          spaces += t.strip().contains(" ") ? 1 : 0;
        }
      }
      if (texts * 2 < items.size()) {
        continue;
      }
      double mean = (double) chars / texts;
      int rank = hintRank(k, TEXT_HINTS);
      // A hinted key wins; among unhinted keys, prose (with spaces) and long values win.
      double score =
          (rank >= 0 ? 1000 - rank * 10 : 0) + (spaces * 2 >= texts ? 100 : 0) + Math.min(mean, 99);
      if (rank < 0 && spaces * 2 < texts && mean < 2) {
        continue;
      }
      if (rank < 0 && NOT_SPEAKER.contains(norm(k))) {
        continue;
      }
      if (speakerLike(k) && rank < 0) {
        continue;
      }
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }

  private static boolean speakerLike(String k) {
    return hintRank(k, SPEAKER_HINTS) >= 0 || norm(k).contains("speaker");
  }

  /**
   * The text of a value: a string as is; an array of strings or of objects with text (nested
   * blocks, Rev.ai elements, words) joined; {@code alternatives}: the first only; an object: its
   * text key.
   */
  static String text(JsonNode v) {
    return text(v, 0);
  }

  private static String text(JsonNode v, int depth) {
    if (v == null || v.isNull() || depth > 4) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<String> pieces = new ArrayList<>();
      boolean rawPieces = false;
      for (JsonNode n : v) {
        String t = text(n, depth + 1);
        if (t == null) {
          continue;
        }
        if (t.isEmpty()
            || Character.isWhitespace(t.charAt(0))
            || Character.isWhitespace(t.charAt(t.length() - 1))) {
          rawPieces = true; // Rev.ai: spaces are elements of their own
        }
        pieces.add(t);
        if (n.isObject() && isAlternatives(v)) {
          break;
        }
      }
      if (pieces.isEmpty()) {
        return null;
      }
      if (rawPieces) {
        return String.join("", pieces);
      }
      String joined = "";
      for (String p : pieces) {
        joined = joinWords(joined, p.strip());
      }
      return joined;
    }
    if (v.isObject()) {
      String best = null;
      int bestRank = Integer.MAX_VALUE;
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        int rank = hintRank(k, TEXT_HINTS);
        JsonNode n = v.get(k);
        if (rank >= 0 && rank < bestRank && (n.isTextual() || n.isArray() || n.isObject())) {
          String t = text(n, depth + 1);
          if (t != null) {
            best = t;
            bestRank = rank;
          }
        }
      }
      return best;
    }
    return null;
  }

  /** Objects of alternatives (AWS, Deepgram): each has a confidence; only the first is the text. */
  private static boolean isAlternatives(JsonNode array) {
    JsonNode first = array.get(0);
    return array.size() > 1
        && first != null
        && first.isObject()
        && first.has("confidence")
        && (first.has("content") || first.has("transcript"));
  }

  /** The first (or last) time found among nested pieces of a text value. */
  private static Double nestedTime(JsonNode v, boolean first) {
    if (v == null || !v.isArray() || v.isEmpty()) {
      return null;
    }
    List<String> hints = first ? START_HINTS : END_HINTS;
    for (int i = 0; i < v.size(); i++) {
      JsonNode n = v.get(first ? i : v.size() - 1 - i);
      if (n.isObject()) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (hintRank(k, hints) >= 0) {
            Double d = number(n.get(k));
            if (d != null) {
              return d;
            }
          }
        }
      }
    }
    return null;
  }

  /** The best hinted key holding numbers or clock times in most items. */
  private static String timeKey(List<JsonNode> items, List<String> common, List<String> hints) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String k : common) {
      int rank = hintRank(k, hints);
      if (rank < 0 || rank >= bestRank) {
        continue;
      }
      int numbers = 0;
      for (JsonNode n : items) {
        numbers += number(n.get(k)) != null ? 1 : 0;
      }
      if (numbers * 2 >= items.size()) {
        best = k;
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * Whether times are in milliseconds: the key says so, or every time is a whole number and the
   * items last (or follow each other by) 100 or more units, as AssemblyAI's do.
   */
  private static boolean millis(List<JsonNode> items, String startKey, String endKey) {
    if (startKey == null) {
      return false;
    }
    String k = norm(startKey);
    if (k.endsWith("ms") || k.contains("millis")) {
      return true;
    }
    if (k.contains("sec")) {
      return false;
    }
    List<Double> spans = new ArrayList<>();
    Double previous = null;
    for (JsonNode n : items) {
      JsonNode s = n.get(startKey);
      if (s == null || !s.isNumber()) {
        continue;
      }
      if (!s.isIntegralNumber()) {
        return false;
      }
      JsonNode e = endKey == null ? null : n.get(endKey);
      if (e != null && e.isNumber()) {
        if (!e.isIntegralNumber()) {
          return false;
        }
        spans.add(e.asDouble() - s.asDouble());
      } else if (previous != null) {
        spans.add(s.asDouble() - previous);
      }
      previous = s.asDouble();
    }
    if (spans.isEmpty()) {
      return false;
    }
    double[] sorted = spans.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2] >= 100;
  }

  /** A number, a numeric string or a clock time, in the value's unit; else null. */
  static Double number(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      String t = n.asText().strip();
      Double s = Timestamps.seconds(t);
      if (s != null) {
        return s;
      }
      if (t.matches("\\d{1,9}(?:\\.\\d+)?")) {
        return Double.parseDouble(t);
      }
    }
    return null;
  }

  /**
   * AWS Transcribe without a speaker per item: speaker segments with times ({@code
   * speaker_labels.segments}) and timed words without a speaker ({@code items}); each word goes to
   * the segment its start time falls in, punctuation to the word before it.
   */
  private static List<Block> joinByTime(List<Candidate> speakers, List<Candidate> words) {
    if (speakers.isEmpty() || words.isEmpty()) {
      return null;
    }
    Candidate seg =
        speakers.stream().max((a, b) -> Integer.compare(a.items.size(), b.items.size())).get();
    Candidate w =
        words.stream().max((a, b) -> Integer.compare(a.items.size(), b.items.size())).get();
    double[] starts = new double[seg.items.size()];
    String[] names = new String[seg.items.size()];
    int n = 0;
    for (JsonNode s : seg.items) {
      Double a = seg.seconds(s, seg.startKey, true);
      Double b = seg.seconds(s, seg.endKey, false);
      String name = speaker(s.get(seg.speakerKey));
      if (a != null && b != null && name != null) {
        starts[n] = a;
        names[n++] = name;
      }
    }
    if (n == 0) {
      return null;
    }
    starts = Arrays.copyOf(starts, n);
    List<Block> blocks = new ArrayList<>();
    Merger merger = new Merger(blocks);
    String current = null;
    int assigned = 0;
    for (JsonNode item : w.items) {
      String t = text(item.get(w.textKey));
      if (t == null) {
        continue;
      }
      Double at = w.seconds(item, w.startKey, true);
      if (at != null) {
        int i = Arrays.binarySearch(starts, at);
        i = i >= 0 ? i : Math.max(0, -i - 2);
        current = names[i];
        assigned++;
      }
      merger.add(current, t, at, w.seconds(item, w.endKey, false));
    }
    return assigned == 0 ? null : merger.done();
  }
}

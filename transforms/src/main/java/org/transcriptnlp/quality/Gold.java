package org.transcriptnlp.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.transcriptnlp.parse.SpeakerRegistry;

/**
 * What a careful reader finds in one transcript: its speakers (with every way the transcript writes
 * each of them and their role), how many turns and answers it has (with a tolerance), spot checks
 * of snippet -> speaker and role, and snippets that must never be in an answer. Read from a {@code
 * .gold.json} file (format: docs/formats-and-attribution.md).
 */
public record Gold(
    Path goldFile,
    String file,
    String genre,
    String container,
    String style,
    List<Speaker> speakers,
    Count turns,
    Count answers,
    List<Check> checks,
    List<String> nonSpeech) {

  /**
   * A speaker: the name, every label the transcript writes for them, and the role ("any": not
   * scored).
   */
  public record Speaker(String name, Set<String> keys, String role) {
    /** True when a parsed speaker name or label is this speaker. */
    public boolean is(String parsed) {
      if (parsed == null) {
        return false;
      }
      // "Speaker 0" is how a speaker id 0 of a JSON or CSV export is written
      String id = parsed.matches("(?i)speaker[ _]?\\d{1,3}") ? parsed.replaceAll("\\D", "") : null;
      return keys.contains(key(parsed))
          || keys.contains(key(SpeakerRegistry.withoutHonorifics(parsed)))
          || id != null && keys.contains(id);
    }
  }

  public record Count(int count, int tolerance) {
    public boolean holds(int got) {
      return Math.abs(got - count) <= tolerance;
    }

    @Override
    public String toString() {
      return count + "±" + tolerance;
    }
  }

  /** A spot check: the snippet is spoken by the speaker, in the role. */
  public record Check(String snippet, String speaker, String role) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Gold read(Path goldFile) throws IOException {
    JsonNode n = JSON.readTree(Files.readString(goldFile));
    List<Speaker> speakers = new ArrayList<>();
    for (JsonNode s : n.path("speakers")) {
      Set<String> keys = new LinkedHashSet<>();
      keys.add(key(text(s, "name")));
      keys.add(key(SpeakerRegistry.withoutHonorifics(text(s, "name"))));
      for (JsonNode l : s.path("labels")) {
        keys.add(key(l.asText()));
        keys.add(key(SpeakerRegistry.withoutHonorifics(l.asText())));
      }
      speakers.add(new Speaker(text(s, "name"), keys, s.path("role").asText("any")));
    }
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : n.path("checks")) {
      String speaker = text(c, "speaker");
      Speaker who =
          speakers.stream()
              .filter(s -> s.name().equals(speaker))
              .findFirst()
              .orElseThrow(
                  () -> new IOException(goldFile + ": check on unknown speaker '" + speaker + "'"));
      String role = c.hasNonNull("role") ? c.get("role").asText() : who.role();
      checks.add(new Check(text(c, "snippet"), speaker, role));
    }
    List<String> nonSpeech = new ArrayList<>();
    n.path("nonSpeech").forEach(x -> nonSpeech.add(x.asText()));
    return new Gold(
        goldFile,
        text(n, "file"),
        n.path("genre").asText(""),
        n.path("container").asText(""),
        n.path("style").asText(""),
        List.copyOf(speakers),
        count(n.path("turns")),
        count(n.path("answers")),
        List.copyOf(checks),
        List.copyOf(nonSpeech));
  }

  private static Count count(JsonNode n) {
    return new Count(n.path("count").asInt(), n.path("tolerance").asInt());
  }

  private static String text(JsonNode n, String field) throws IOException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IOException("gold: missing text field '" + field + "' in " + n);
    }
    return v.asText();
  }

  public Speaker speaker(String name) {
    return speakers.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * How names and snippets are compared: compatibility-normalised, lower case, every run of
   * characters that are not letters or digits one space (so quotes, dashes, markup and line breaks
   * do not matter).
   */
  public static String key(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = true;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        space = false;
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK
          || Character.getType(cp) == Character.FORMAT) {
        // combining marks and invisible format characters: part of the word
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    return out.toString().strip();
  }
}

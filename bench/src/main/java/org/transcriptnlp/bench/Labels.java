package org.transcriptnlp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-sentence sentiment labels of one bench run, keyed by answer file and the sentence's character
 * span, and how two runs' labels agree. Labels are CoreNLP's class index: 0 very negative to 4 very
 * positive.
 */
final class Labels {
  private Labels() {}

  /** A sentence: its answer file's name and character span in that file. */
  record Sentence(String doc, int begin, int end) implements Comparable<Sentence> {
    @Override
    public int compareTo(Sentence o) {
      int c = doc.compareTo(o.doc);
      if (c != 0) {
        return c;
      }
      return begin != o.begin ? Integer.compare(begin, o.begin) : Integer.compare(end, o.end);
    }
  }

  static void write(Path file, Map<Sentence, Integer> labels) throws IOException {
    List<String> lines = new ArrayList<>();
    labels.forEach(
        (s, label) -> lines.add(s.doc() + "\t" + s.begin() + "\t" + s.end() + "\t" + label));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static Map<Sentence, Integer> read(Path file) throws IOException {
    Map<Sentence, Integer> labels = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      labels.put(
          new Sentence(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])),
          Integer.parseInt(f[3]));
    }
    return labels;
  }

  /**
   * The labels in the CoreNLP command line's JSON output ({@code -outputFormat json}): one {@code
   * NAME.json} per input file NAME, with {@code sentimentValue} per sentence and the sentence's
   * span from its first and last token.
   */
  static Map<Sentence, Integer> readCoreNlpJson(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<Sentence, Integer> labels = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String doc = f.getFileName().toString().replaceFirst("\\.json$", "");
        for (JsonNode sentence : mapper.readTree(f.toFile()).path("sentences")) {
          JsonNode tokens = sentence.path("tokens");
          if (tokens.isEmpty() || !sentence.has("sentimentValue")) {
            continue;
          }
          int begin = tokens.get(0).path("characterOffsetBegin").asInt();
          int end = tokens.get(tokens.size() - 1).path("characterOffsetEnd").asInt();
          labels.put(new Sentence(doc, begin, end), sentence.path("sentimentValue").asInt());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return labels;
  }

  /**
   * How two runs' labels agree on the sentences both have (same answer, same span).
   *
   * @param left sentences labelled by the first run
   * @param right sentences labelled by the second run
   * @param matched sentences in both
   * @param exact same class
   * @param withinOne classes at most one apart
   * @param polarity same side: negative (0, 1), neutral (2) or positive (3, 4)
   */
  record Agreement(int left, int right, int matched, int exact, int withinOne, int polarity) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "%d of %d / %d sentences matched by span; same class %.1f%%, at most one class apart"
              + " %.1f%%, same polarity (negative/neutral/positive) %.1f%%",
          matched,
          left,
          right,
          pct(exact),
          pct(withinOne),
          pct(polarity));
    }

    private double pct(int n) {
      return matched == 0 ? 0 : 100.0 * n / matched;
    }
  }

  static Agreement compare(Map<Sentence, Integer> left, Map<Sentence, Integer> right) {
    int matched = 0;
    int exact = 0;
    int withinOne = 0;
    int polarity = 0;
    for (var e : left.entrySet()) {
      Integer other = right.get(e.getKey());
      if (other == null) {
        continue;
      }
      int a = e.getValue();
      matched++;
      exact += a == other ? 1 : 0;
      withinOne += Math.abs(a - other) <= 1 ? 1 : 0;
      polarity += Integer.signum(a - 2) == Integer.signum(other - 2) ? 1 : 0;
    }
    return new Agreement(left.size(), right.size(), matched, exact, withinOne, polarity);
  }
}

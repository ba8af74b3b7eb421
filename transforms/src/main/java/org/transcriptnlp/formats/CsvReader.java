package org.transcriptnlp.formats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.Timestamps;

/**
 * CSV and TSV transcripts (Apache Commons CSV): a row per utterance (or per word), with speaker,
 * time and text columns. The delimiter (tab, comma, semicolon, pipe) is the one that splits the
 * first rows into the same number of fields; a header is recognised by its names (speaker, name,
 * person, role, spkr; text, utterance, content, transcript, line, dialogue, sentence, token; start,
 * time, timestamp, begin; end); without one the columns are inferred from their values (short
 * repeated values are the speaker, the longest prose the text, clock times or numbers the times).
 * Consecutive rows of one speaker are merged into one paragraph; a punctuation column is appended
 * to its token; a cell wholly in parentheses or brackets is a stage direction.
 */
public final class CsvReader {
  private static final char[] DELIMITERS = {'\t', '|', ';', ','};
  private static final List<String> SPEAKER_NAMES =
      List.of(
          "speaker",
          "speaker_name",
          "speakername",
          "spkr",
          "spk",
          "name",
          "person",
          "role",
          "who",
          "participant",
          "character");
  private static final List<String> TEXT_NAMES =
      List.of(
          "text",
          "utterance",
          "content",
          "transcript",
          "transcription",
          "dialogue",
          "sentence",
          "speech",
          "said",
          "token",
          "word",
          "line");
  private static final List<String> START_NAMES =
      List.of(
          "start",
          "starttime",
          "start_time",
          "sttime",
          "begin",
          "time",
          "timestamp",
          "ts",
          "start_seconds",
          "from");
  private static final List<String> END_NAMES =
      List.of("end", "endtime", "end_time", "entime", "endts", "stop", "to");
  private static final int SAMPLE = 50;

  /** The columns of a table. */
  private record Layout(
      char delimiter, boolean header, int speaker, int text, int start, int end, int punctuation) {}

  /**
   * TSV or CSV when the start of a text is clearly a table of speaker and text columns, else null.
   */
  static Format looksTabular(String start) {
    Layout l = layout(start, false);
    return l == null ? null : l.delimiter() == '\t' ? Format.TSV : Format.CSV;
  }

  /** Like {@link #looksTabular}, but only with a recognised header (for files named .txt). */
  static Format looksTabularWithHeader(String start) {
    Layout l = layout(start, true);
    return l == null ? null : l.delimiter() == '\t' ? Format.TSV : Format.CSV;
  }

  public List<Block> read(String text) {
    Layout l = layout(text.length() > 20000 ? text.substring(0, 20000) : text, false);
    if (l == null) {
      throw new FormatException(
          "unknown_table_shape",
          "no speaker and text columns: the first rows do not split into the same number of fields"
              + " with a header naming speaker and text columns, or with a column of repeated short"
              + " values beside one of prose");
    }
    List<Block> blocks = new ArrayList<>();
    boolean first = true;
    for (CSVRecord r : records(text, l.delimiter())) {
      if (first && l.header()) {
        first = false;
        continue;
      }
      first = false;
      String t = cell(r, l.text());
      if (t.isBlank()) {
        continue;
      }
      if (l.punctuation() >= 0) {
        t = t + cell(r, l.punctuation());
      }
      t = t.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      if (t.matches("^[(\\[].*[)\\]]$")
          && t.length() <= 42
          && !t.substring(1, t.length() - 1).matches(".*[()\\[\\]].*")) {
        t = "{" + t.substring(1, t.length() - 1) + "}"; // (pause 0.20), [laughter]
      }
      String speaker = cell(r, l.speaker()).strip();
      if (speaker.matches("\\d{1,3}|\\p{L}")) {
        speaker = "Speaker " + speaker;
      }
      Double start =
          l.start() < 0
              ? null
              : JsonReader.number(
                  com.fasterxml.jackson.databind.node.TextNode.valueOf(cell(r, l.start())));
      Double end =
          l.end() < 0
              ? null
              : JsonReader.number(
                  com.fasterxml.jackson.databind.node.TextNode.valueOf(cell(r, l.end())));
      Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      String who = speaker.isEmpty() ? null : speaker;
      if (last != null && (who == null || who.equals(last.speaker()))) {
        blocks.set(
            blocks.size() - 1,
            new Block(
                JsonReader.joinWords(last.text(), t),
                last.speaker(),
                last.startSeconds(),
                end != null ? end : last.endSeconds()));
      } else {
        blocks.add(new Block(t, who, start, end));
      }
    }
    return blocks;
  }

  private static String cell(CSVRecord r, int i) {
    return i >= 0 && i < r.size() ? r.get(i) : "";
  }

  private static List<CSVRecord> records(String text, char delimiter) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setQuote(delimiter == '\t' ? null : '"')
            .setTrim(true)
            .get();
    try {
      return format.parse(new StringReader(text)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new FormatException("malformed_csv", "the table cannot be parsed: " + e.getMessage());
    }
  }

  private static List<CSVRecord> sample(String text, char delimiter) {
    int cut = 0;
    int lines = 0;
    while (cut >= 0 && lines < SAMPLE + 1) {
      cut = text.indexOf('\n', cut + 1);
      lines++;
    }
    String head = cut < 0 ? text : text.substring(0, cut);
    try {
      return records(head, delimiter);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static int index(List<String> header, List<String> names) {
    for (String n : names) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).equals(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The delimiter and columns, or null when the text is not such a table. */
  private static Layout layout(String text, boolean needHeader) {
    for (char d : DELIMITERS) {
      List<CSVRecord> rows = sample(text, d);
      if (rows.size() < 3) {
        continue;
      }
      int fields = rows.get(0).size();
      long same = rows.stream().filter(r -> r.size() == fields).count();
      if (fields < 2 || same * 10 < rows.size() * 9) {
        continue;
      }
      List<String> header =
          rows.get(0).toList().stream()
              .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("-", "_"))
              .toList();
      int speaker = index(header, SPEAKER_NAMES);
      int textCol = index(header, TEXT_NAMES);
      if (speaker >= 0 && textCol >= 0) {
        List<CSVRecord> data = rows.subList(1, rows.size());
        // Of the text-like columns, the one with the longest values ("Line" may be a line number).
        double best = -1;
        for (int i = 0; i < header.size(); i++) {
          if (i != speaker
              && TEXT_NAMES.contains(header.get(i))
              && meanLength(data, i) > best
              && !numeric(data, i)) {
            best = meanLength(data, i);
            textCol = i;
          }
        }
        int start = index(header, START_NAMES);
        int end = index(header, END_NAMES);
        int punct = index(header, List.of("punctuation", "punct"));
        return new Layout(d, true, speaker, textCol, start, end == start ? -1 : end, punct);
      }
      if (needHeader || fields < 3 || d == ',' && fields < 3) {
        continue;
      }
      Layout inferred = infer(d, rows);
      if (inferred != null) {
        return inferred;
      }
    }
    return null;
  }

  /**
   * Columns from their values: the longest prose is the text, short repeated values the speaker,
   * numbers the times.
   */
  private static Layout infer(char d, List<CSVRecord> rows) {
    int fields = rows.get(0).size();
    int text = -1;
    double longest = 0;
    for (int i = 0; i < fields; i++) {
      double mean = meanLength(rows, i);
      if (!numeric(rows, i) && mean > longest) {
        longest = mean;
        text = i;
      }
    }
    if (text < 0 || longest < 15) {
      return null;
    }
    int speaker = -1;
    for (int i = 0; i < fields; i++) {
      if (i == text || numeric(rows, i)) {
        continue;
      }
      Set<String> distinct = new HashSet<>();
      for (CSVRecord r : rows) {
        distinct.add(cell(r, i));
      }
      if (distinct.size() >= 2 && distinct.size() * 2 <= rows.size() && meanLength(rows, i) <= 40) {
        speaker = i;
        break;
      }
    }
    if (speaker < 0) {
      return null;
    }
    int start = -1;
    int end = -1;
    for (int i = 0; i < fields; i++) {
      if (i != text && i != speaker && numeric(rows, i)) {
        if (start < 0) {
          start = i;
        } else if (end < 0) {
          end = i;
        }
      }
    }
    return new Layout(d, false, speaker, text, start, end, -1);
  }

  private static double meanLength(List<CSVRecord> rows, int i) {
    return rows.stream().mapToInt(r -> cell(r, i).length()).average().orElse(0);
  }

  /** Whether most values are numbers or clock times. */
  private static boolean numeric(List<CSVRecord> rows, int i) {
    long n =
        rows.stream()
            .map(r -> cell(r, i).strip())
            .filter(v -> v.matches("-?\\d+(?:[.,]\\d+)?") || Timestamps.seconds(v) != null)
            .count();
    return n * 10 >= rows.size() * 8;
  }
}

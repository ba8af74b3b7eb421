package org.transcriptnlp.pipeline.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.pipeline.runs.RunHistory;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * The current rows of an output's tables that the HTML report shows, as plain records: for each
 * source file with a current manifest entry, its answers, entity mentions and turns, read from the
 * data files of each table's current snapshot. Only the columns the report needs are read.
 */
final class ReportData {
  private ReportData() {}

  /**
   * An answer (a row of the answers table). Score and label are null without the sentiment
   * annotator.
   */
  record Answer(
      int answerIndex,
      String questionSpeaker,
      String questionText,
      String answerSpeaker,
      String sentimentLabel,
      Double sentimentScore,
      Integer entityCount) {}

  /** A named-entity mention (a row of the entities table). */
  record Mention(String text, String type) {}

  /** A speaker turn (a row of the turns table); the times are null where the source gives none. */
  record Turn(
      int turnIndex,
      String speaker,
      String role,
      String text,
      Double startSeconds,
      Double endSeconds) {}

  /**
   * One source file's current rows, all from one run: answers in answer_index order, turns in
   * turn_index order, mentions in the order read.
   */
  record Interview(
      String sourcePath,
      String transcriptId,
      String runId,
      List<Answer> answers,
      List<Mention> mentions,
      List<Turn> turns) {
    Interview {
      answers = List.copyOf(answers);
      mentions = List.copyOf(mentions);
      turns = List.copyOf(turns);
    }
  }

  /**
   * What the report shows: the interviews (source files with current turns or answers), by source
   * path, and the current source files that have neither (rejected files: see the rejects table).
   */
  record Report(List<Interview> interviews, List<String> withoutTurns) {
    Report {
      interviews = List.copyOf(interviews);
      withoutTurns = List.copyOf(withoutTurns);
    }
  }

  /**
   * Reads the current rows of an output's tables (the data files of each table's current snapshot).
   */
  static Report read(Warehouse w) {
    Map<String, RunHistory.Entry> current = RunHistory.read(w).current();
    Map<String, Builder> by = new TreeMap<>();
    readCurrent(
        w,
        Table.ANSWERS,
        current,
        by,
        new String[] {
          "transcript_id",
          "source_path",
          "answer_index",
          "question_speaker",
          "question_text",
          "answer_speaker",
          "sentiment_label",
          "sentiment_score",
          "entity_count"
        },
        (b, row) ->
            b.answers.add(
                new Answer(
                    integer(row, "answer_index"),
                    string(row, "question_speaker"),
                    string(row, "question_text"),
                    string(row, "answer_speaker"),
                    string(row, "sentiment_label"),
                    dbl(row, "sentiment_score"),
                    (Integer) row.get("entity_count"))));
    readCurrent(
        w,
        Table.ENTITIES,
        current,
        by,
        new String[] {"transcript_id", "source_path", "text", "type"},
        (b, row) -> b.mentions.add(new Mention(string(row, "text"), string(row, "type"))));
    readCurrent(
        w,
        Table.TURNS,
        current,
        by,
        new String[] {
          "transcript_id",
          "source_path",
          "turn_index",
          "speaker",
          "role",
          "text",
          "start_seconds",
          "end_seconds"
        },
        (b, row) ->
            b.turns.add(
                new Turn(
                    integer(row, "turn_index"),
                    string(row, "speaker"),
                    string(row, "role"),
                    string(row, "text"),
                    dbl(row, "start_seconds"),
                    dbl(row, "end_seconds"))));
    List<Interview> interviews = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (String path : current.keySet()) {
      Builder b = by.get(path);
      if (b == null || (b.answers.isEmpty() && b.turns.isEmpty())) {
        without.add(path);
        continue;
      }
      b.answers.sort(Comparator.comparingInt(Answer::answerIndex));
      b.turns.sort(Comparator.comparingInt(Turn::turnIndex));
      interviews.add(
          new Interview(
              path,
              b.transcriptId,
              String.valueOf(current.get(path).run()),
              b.answers,
              b.mentions,
              b.turns));
    }
    return new Report(interviews, without);
  }

  private static final class Builder {
    String transcriptId;
    final List<Answer> answers = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();
    final List<Turn> turns = new ArrayList<>();
  }

  private interface RowTo {
    void add(Builder b, GenericRecord row);
  }

  /** Reads a table's current rows (of source files with a current manifest entry). */
  private static void readCurrent(
      Warehouse w,
      Table table,
      Map<String, RunHistory.Entry> current,
      Map<String, Builder> by,
      String[] columns,
      RowTo to) {
    try {
      for (String f : w.currentFiles(table)) {
        ResourceId file = FileSystems.matchNewResource(f, false);
        ParquetFiles.read(
            file,
            ParquetFiles.projection(table, columns),
            row -> {
              String path = string(row, "source_path");
              RunHistory.Entry entry = current.get(path);
              if (entry != null) {
                Builder b = by.computeIfAbsent(path, p -> new Builder());
                if (b.transcriptId == null) {
                  b.transcriptId = string(row, "transcript_id");
                }
                to.add(b, row);
              }
            });
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the current rows of the " + table.folder() + " table: " + e.getMessage(), e);
    }
  }

  private static String string(GenericRecord row, String column) {
    Object v = row.get(column);
    return v == null ? null : String.valueOf(v);
  }

  private static int integer(GenericRecord row, String column) {
    return ((Number) row.get(column)).intValue();
  }

  private static Double dbl(GenericRecord row, String column) {
    Object v = row.get(column);
    return v == null ? null : ((Number) v).doubleValue();
  }
}

package org.transcriptnlp.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.model.TranscriptDoc;
import org.transcriptnlp.parse.TurnParser;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.BeamTest;

/** The five tables' rows built and written, each into its own folder. */
class WriteTablesTest {
  @TempDir Path dir;

  @Test
  void everyTableGetsItsRowsAndAnEmptyTableNoFile() throws IOException {
    AnswerUnit a0 =
        new AnswerUnit("t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Why?", "A", "Because.", false);
    AnswerUnit a1 =
        new AnswerUnit("t-a0001", "t", "f.txt", 1, 2, 3, "Q", "Why not?", "A", "No.", false);
    ParsedDoc parsed =
        new ParsedDoc(
            new TranscriptDoc("f.txt", "t", "text", "UTF-8", List.of()),
            "text",
            new TurnParser().parseText("Q: Why?\nA: Because.\nQ: Why not?\nA: No.\n"));
    Failure failure = Failure.of("g.txt", "read", "empty_file", "the file is empty");
    Map<Table, String> folders = new EnumMap<>(Table.class);
    Map<Table, String> schemas = new EnumMap<>(Table.class);
    for (Table t : Table.PIPELINE) {
      folders.put(t, dir.resolve("out").resolve(t.folder()).toString());
      schemas.put(t, org.apache.iceberg.SchemaParser.toJson(IcebergTables.schema(t)));
    }
    BeamTest.run(
        getClass(),
        "everyTableGetsItsRowsAndAnEmptyTableNoFile",
        p -> {
          WriteTables.of(
                  p.apply(
                      "Answers",
                      Create.of(AnnotatedAnswer.of(a0), AnnotatedAnswer.of(a1))
                          .withCoder(SerializableCoder.of(AnnotatedAnswer.class))),
                  p.apply(
                      "Parsed", Create.of(parsed).withCoder(SerializableCoder.of(ParsedDoc.class))),
                  p.apply(
                      "Failures",
                      Create.of(failure).withCoder(SerializableCoder.of(Failure.class))))
              .apply(
                  "WriteTables",
                  new WriteTables(
                      folders, schemas, "run1", dir.resolve("staging").toString(), 128L << 20));
          p.run().waitUntilFinish();
        });
    assertEquals(List.of("t-a0000|run1", "t-a0001|run1"), rows(Table.ANSWERS, "answer_id"));
    assertEquals(List.of(), rows(Table.SENTENCES, "answer_id"));
    assertEquals(List.of(), rows(Table.ENTITIES, "answer_id"));
    assertEquals(List.of("0|run1", "1|run1", "2|run1", "3|run1"), rows(Table.TURNS, "turn_index"));
    assertEquals(List.of("empty_file|run1"), rows(Table.REJECTS, "reason"));
  }

  /** One field and the run id of every row of the table's data files, sorted. */
  private List<String> rows(Table table, String field) throws IOException {
    Path folder = dir.resolve("out").resolve(table.folder());
    List<String> rows = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return rows;
    }
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        ParquetFiles.read(
            FileSystems.matchNewResource(f.toString(), false),
            r -> rows.add(r.get(field) + "|" + r.get("run_id")));
      }
    }
    return rows.stream().sorted().toList();
  }
}

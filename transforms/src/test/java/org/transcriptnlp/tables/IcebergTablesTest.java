package org.transcriptnlp.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.TypeUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's rows written by {@link DataFileWriter}, committed, and read back by Iceberg's generic
 * reader.
 */
class IcebergTablesTest {
  @TempDir Path dir;

  @Test
  void theSchemaOfANewTableIsTheConvertedSchemaWithTheSameFieldIds() {
    Catalog catalog = IcebergTables.catalog(dir.toString(), "hadoop");
    for (Table t : Table.values()) {
      org.apache.iceberg.Table created = IcebergTables.loadOrCreate(catalog, t);
      assertTrue(created.schema().sameSchema(IcebergTables.schema(t)), t.folder());
      assertEquals(
          TypeUtil.indexById(created.schema().asStruct()).keySet(),
          TypeUtil.indexById(IcebergTables.schema(t).asStruct()).keySet());
      assertEquals(
          t.schema().getFields().size(),
          created.schema().columns().size(),
          t.folder() + ": every Avro field is a column");
    }
    assertTrue(
        Files.isDirectory(dir.resolve("transcripts/answers/metadata")),
        "the Hadoop catalog's warehouse is the output");
    assertEquals(
        IcebergTables.loadOrCreate(catalog, Table.ANSWERS).location(),
        IcebergTables.loadOrCreate(catalog, Table.ANSWERS).location(),
        "a second load finds the same table");
  }

  @Test
  void rowsRoundTripThroughADataFileWithLists_nullsAndTimestamps() throws Exception {
    Catalog catalog = IcebergTables.catalog(dir.toString(), "hadoop");
    org.apache.iceberg.Table turns = IcebergTables.loadOrCreate(catalog, Table.TURNS);
    org.apache.iceberg.Table runs = IcebergTables.loadOrCreate(catalog, Table.RUNS);

    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GenericRecord r = new GenericData.Record(Table.TURNS.schema());
      r.put("transcript_id", "t1");
      r.put("source_path", "/in/a.txt");
      r.put("turn_index", i);
      r.put("speaker", "Q");
      r.put("speaker_label", i == 1 ? null : "Q:");
      r.put("role", "questioner");
      r.put("text", "text " + i);
      r.put("paragraph_count", 1);
      r.put("speaker_inferred", false);
      r.put("attribution", "label");
      r.put("start_seconds", i == 2 ? 1.5 : null);
      r.put("end_seconds", null);
      r.put("stage_directions", i == 0 ? List.of() : List.of("[laughter]", "[applause " + i + "]"));
      r.put("source_format", "text");
      rows.add(r);
    }
    String turnsFile = dir.resolve("turns.parquet").toString();
    try (DataFileWriter w =
        new DataFileWriter(
            turns.schema(), FileSystems.matchNewResource(turnsFile, false), "RUN-1")) {
      for (GenericRecord r : rows) {
        w.write(r);
      }
    }
    GenericRecord run = new GenericData.Record(Table.RUNS.schema());
    for (org.apache.avro.Schema.Field f : Table.RUNS.schema().getFields()) {
      switch (f.schema().getType()) {
        case LONG -> run.put(f.name(), 7L);
        case DOUBLE -> run.put(f.name(), 1.25);
        default -> run.put(f.name(), f.name());
      }
    }
    run.put("started_at", 1_700_000_000_123L);
    String runsFile = dir.resolve("runs.parquet").toString();
    try (DataFileWriter w =
        new DataFileWriter(runs.schema(), FileSystems.matchNewResource(runsFile, false), null)) {
      w.write(run);
    }
    turns.newAppend().appendFile(dataFile(turns, turnsFile)).commit();
    runs.newAppend().appendFile(dataFile(runs, runsFile)).commit();

    List<Record> back = new ArrayList<>();
    try (CloseableIterable<Record> all = IcebergGenerics.read(turns).build()) {
      all.forEach(r -> back.add(r.copy()));
    }
    back.sort(
        (a, b) ->
            Integer.compare(
                (Integer) a.getField("turn_index"), (Integer) b.getField("turn_index")));
    assertEquals(3, back.size());
    assertEquals(List.of(), back.get(0).getField("stage_directions"));
    assertEquals(List.of("[laughter]", "[applause 2]"), back.get(2).getField("stage_directions"));
    assertNull(back.get(1).getField("speaker_label"));
    assertEquals(1.5, back.get(2).getField("start_seconds"));
    assertEquals(
        "RUN-1", back.get(0).getField("run_id"), "the writer stamps the run's id on every row");
    assertEquals(
        List.of(IcebergTables.currentFiles(turns).get(0)),
        List.of(turnsFile),
        "the snapshot's one data file");

    try (CloseableIterable<Record> all = IcebergGenerics.read(runs).build()) {
      Record r = all.iterator().next();
      assertEquals(
          OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000, ZoneOffset.UTC),
          r.getField("started_at"));
      assertEquals("run_id", r.getField("run_id"), "without a run id given, the row's own is kept");
      assertEquals(7L, r.getField("files_matched"));
    }
  }

  private static DataFile dataFile(org.apache.iceberg.Table t, String path) {
    var in = t.io().newInputFile(path);
    return DataFiles.builder(t.spec())
        .withPath(path)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(in.getLength())
        .withMetrics(ParquetUtil.fileMetrics(in, MetricsConfig.forTable(t)))
        .build();
  }
}

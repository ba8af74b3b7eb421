package org.transcriptnlp.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.BeamTest;

/**
 * WriteTable's wiring: rows staged per bundle, then written into files of about the target size.
 */
class WriteTableTest {
  @TempDir Path dir;

  private static List<GenericRecord> rejects(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              GenericRecord r = new GenericData.Record(Table.REJECTS.schema());
              r.put("source_path", "file-" + i + ".txt");
              r.put("stage", "parse");
              r.put("reason", "no_answers");
              r.put(
                  "detail",
                  "row "
                      + i
                      + " of a test table, long enough to make the staged files a few kilobytes");
              r.put("element_id", i % 2 == 0 ? null : "answer-" + i);
              r.put("input_excerpt", null);
              return (GenericRecord) r;
            })
        .toList();
  }

  /**
   * Writes the rows spread over many bundles; the transform's output (checked by PAssert) is the
   * table folder's listing. Returns that listing.
   */
  private List<String> write(List<GenericRecord> rows, long targetBytes) throws IOException {
    Path out = dir.resolve("out");
    String folder = out.resolve("rejects").toString();
    BeamTest.run(
        getClass(),
        "write",
        p -> {
          PCollection<GenericRecord> input =
              p.apply("Rows", Create.of(rows).withCoder(AvroCoder.of(Table.REJECTS.schema())))
                  .apply("Spread", Reshuffle.<GenericRecord>viaRandomKey().withNumBuckets(8));
          PCollection<String> files =
              input.apply(
                  "WriteRejects",
                  new WriteTable(
                      Table.REJECTS,
                      folder,
                      "run1",
                      dir.resolve("staging").toString(),
                      targetBytes));
          PAssert.that(files)
              .satisfies(
                  paths -> {
                    List<String> sorted = new ArrayList<>();
                    paths.forEach(sorted::add);
                    try {
                      assertEquals(files(Path.of(folder)), sorted.stream().sorted().toList());
                    } catch (IOException e) {
                      throw new AssertionError(e);
                    }
                    return null;
                  });
          p.run().waitUntilFinish();
        });
    return files(Path.of(folder));
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var s = Files.list(folder)) {
      return s.map(Path::toString).sorted().toList();
    }
  }

  /** The rows as the table's data files hold them: each stamped with the run's id. */
  private static List<String> stamped(List<GenericRecord> rows, String run) {
    return rows.stream()
        .map(
            r -> {
              GenericRecord copy =
                  new org.apache.avro.generic.GenericData.Record(Table.REJECTS.schema());
              Table.REJECTS.schema().getFields().forEach(f -> copy.put(f.name(), r.get(f.name())));
              copy.put("run_id", run);
              return copy.toString();
            })
        .sorted()
        .toList();
  }

  private List<String> readBack(List<String> files) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String f : files) {
      ParquetFiles.read(FileSystems.matchNewResource(f, false), r -> rows.add(r.toString()));
    }
    return rows.stream().sorted().toList();
  }

  @Test
  void aSmallTableIsOneFileHoldingEveryRowOnce() throws IOException {
    List<GenericRecord> rows = rejects(600);
    List<String> written = write(rows, 128L << 20);
    Path folder = dir.resolve("out/rejects");
    assertEquals(List.of(folder.resolve("part-00000-of-00001-run1.parquet").toString()), written);
    assertEquals(stamped(rows, "run1"), readBack(written));
    assertTrue(files(dir.resolve("staging/rejects")).size() > 1, "rows were staged per bundle");
  }

  @Test
  void aSmallTargetGivesOneFilePerStagedFileAndEveryRowOnce() throws IOException {
    List<GenericRecord> rows = rejects(600);
    List<String> written = write(rows, 1);
    Path folder = dir.resolve("out/rejects");
    int staged = files(dir.resolve("staging/rejects")).size();
    assertTrue(staged > 1, "rows were staged per bundle");
    assertEquals(staged, written.size());
    assertEquals(
        IntStream.range(0, staged)
            .mapToObj(
                i ->
                    folder
                        .resolve(String.format("part-%05d-of-%05d-run1.parquet", i, staged))
                        .toString())
            .toList(),
        written);
    assertEquals(stamped(rows, "run1"), readBack(written));
  }

  @Test
  void anEmptyTableGetsNoDataFile() throws IOException {
    // Its commit adds nothing: an Iceberg table needs no file to have no rows.
    assertEquals(List.of(), write(List.of(), 128L << 20));
  }

  @Test
  void anOutputFileThatFailsIsRemovedNotLeftWithPartOfTheRows() throws IOException {
    Path good = Files.createDirectories(dir.resolve("staged")).resolve("good.parquet");
    try (ParquetFiles.Writer w =
        new ParquetFiles.Writer(
            Table.REJECTS, FileSystems.matchNewResource(good.toString(), false))) {
      for (GenericRecord r : rejects(10)) {
        w.write(r);
      }
    }
    Path bad = Files.writeString(dir.resolve("staged/bad.parquet"), "not a Parquet file");
    Path target =
        Files.createDirectories(dir.resolve("out/rejects"))
            .resolve("part-00000-of-00001-run1.parquet");
    List<String> emitted = new ArrayList<>();
    DoFn.OutputReceiver<String> receiver =
        new DoFn.OutputReceiver<>() {
          @Override
          public void output(String output) {
            emitted.add(output);
          }

          @Override
          public void outputWithTimestamp(String output, Instant timestamp) {
            emitted.add(output);
          }
        };
    WriteTable.WriteFileFn fn =
        new WriteTable.WriteFileFn(Table.REJECTS, "20260101-000000-000-abcdef");
    assertThrows(
        Exception.class,
        () ->
            fn.process(
                KV.of(target.toString(), List.of(good.toString(), bad.toString())), receiver));
    assertFalse(Files.exists(target), "no file with part of the rows");
    assertEquals(List.of(), files(target.getParent()), "nor an in-progress file");
    assertEquals(List.of(), emitted);
    // The same plan without the bad file writes the file.
    fn.process(KV.of(target.toString(), List.of(good.toString())), receiver);
    assertEquals(List.of(target.toString()), emitted);
    assertEquals(10, readBack(emitted).size());
  }
}

package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * Copies the current rows of files that moved ({@link RunPlan#MOVED}) into the run's partitions,
 * with {@code source_path} set to the new path: the rows stay what they were (the same transcript,
 * answer and sentence ids, the same annotations), and no CoreNLP work is done again. One file per
 * table, streamed (not held in memory), written under a hidden name and then renamed; the run's
 * commit makes them current as it does the pipeline's files.
 */
final class MovedRows {
  private MovedRows() {}

  /** The name of the run's file of copied rows in each table's partition. */
  static String fileName(RunId run) {
    return "moved-" + run.value() + ".parquet";
  }

  /** Copies the moved files' rows of every table; returns the rows copied per table ({@link Table#PIPELINE} order). */
  static long[] copy(String output, RunId run, List<RunPlan.Decision> moved) {
    // The runs the old paths' rows are in, and for each old path its new one.
    Map<RunId, Map<String, String>> byRun = new TreeMap<>();
    for (RunPlan.Decision d : moved) {
      byRun.computeIfAbsent(d.movedFrom().run(), r -> new HashMap<>()).put(d.movedFrom().sourcePath(), d.path());
    }
    long[] copied = new long[Table.PIPELINE.size()];
    for (int t = 0; t < Table.PIPELINE.size(); t++) {
      Table table = Table.PIPELINE.get(t);
      ResourceId file = FileSystems.matchNewResource(
          WriteTable.folder(OutputFolder.partition(output, table, run), fileName(run)), false);
      long[] rows = new long[1];
      try {
        ParquetFiles.writeWhole(table, file, writer -> {
          for (Map.Entry<RunId, Map<String, String>> old : byRun.entrySet()) {
            Map<String, String> newPaths = old.getValue();
            for (ResourceId f : OutputFolder.tableFiles(OutputFolder.partition(output, table, old.getKey()))) {
              ParquetFiles.read(f, row -> {
                String to = newPaths.get(String.valueOf(row.get("source_path")));
                if (to != null) {
                  GenericRecord copy = new GenericData.Record(table.schema());
                  for (org.apache.avro.Schema.Field field : table.schema().getFields()) {
                    copy.put(field.name(), row.getSchema().getField(field.name()) == null
                        ? GenericData.get().getDefaultValue(field) : row.get(field.name()));
                  }
                  copy.put("source_path", to);
                  writer.write(copy);
                }
              });
            }
          }
          rows[0] = writer.rows();
        });
      } catch (IOException | RuntimeException e) {
        throw new UncheckedIOException("cannot copy the rows of moved files into the " + table.folder() + " table: "
            + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
      }
      copied[t] = rows[0];
    }
    return copied;
  }
}

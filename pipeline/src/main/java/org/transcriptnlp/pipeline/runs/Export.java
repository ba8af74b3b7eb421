package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.UsageException;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * {@code --export=DIR}: the current rows of every table as plain Parquet, for readers that know no
 * Iceberg ({@code pd.read_parquet('DIR/answers')}). The tables are copy-on-write, so the data files
 * of each table's current snapshot hold exactly its current rows: they are copied as they are, to
 * {@code DIR/<table>/part-SSSSS-of-NNNNN-export-<tag>.parquet} (a table without rows gets one file
 * with its columns and no row). A table's folder is replaced whole: its old files go once the new
 * ones are in place.
 */
public final class Export {
  private Export() {}

  /** Copies the current files; returns one line per table (rows and files). */
  public static List<String> run(String output, String catalog, String dir) {
    List<String> lines = new ArrayList<>();
    String exportKey = Maintenance.key(dir) + "/";
    String outputKey = Maintenance.key(IcebergTables.warehouse(output)) + "/";
    if (exportKey.startsWith(outputKey) || outputKey.startsWith(exportKey)) {
      throw new UsageException(
          "--export="
              + dir
              + " is inside --output="
              + output
              + " (or holds it): give a folder of its own");
    }
    try (Warehouse w = Warehouse.existing(output, catalog)) {
      for (Table table : Table.values()) {
        if (!w.has(table)) {
          continue;
        }
        List<String> files = w.currentFiles(table);
        String folder = Locations.folder(dir, table.folder());
        List<ResourceId> old = new ArrayList<>();
        try {
          // The folder's Parquet files (a local folder's name taken literally: DIR may be 'export
          // [1]').
          for (MatchResult.Metadata md : OutputFolder.files(folder)) {
            if (md.resourceId().getFilename().endsWith(".parquet")) {
              old.add(md.resourceId());
            }
          }
          List<ResourceId> from = new ArrayList<>();
          List<ResourceId> to = new ArrayList<>();
          String tag = "export-" + Long.toString(System.currentTimeMillis(), 36);
          for (int i = 0; i < files.size(); i++) {
            from.add(FileSystems.matchNewResource(files.get(i), false));
            to.add(
                FileSystems.matchNewResource(
                    Locations.folder(folder, FilePlan.tagged(FilePlan.name(i, files.size()), tag)),
                    false));
          }
          if (from.isEmpty()) {
            // A table without rows still gets a file (its columns, no row), so that readers of
            // DIR/<table>/ find it.
            ParquetFiles.writeWhole(
                table,
                FileSystems.matchNewResource(
                    Locations.folder(folder, FilePlan.tagged(FilePlan.name(0, 1), tag)), false),
                List.of());
          }
          FileSystems.copy(from, to);
          FileSystems.delete(old, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot export the " + table.folder() + " table to " + folder + ": " + e.getMessage(),
              e);
        }
        long rows =
            w.table(table).currentSnapshot() == null
                ? 0
                : Long.parseLong(
                    w.table(table).currentSnapshot().summary().getOrDefault("total-records", "0"));
        lines.add(
            table.folder() + ": " + rows + " row(s) in " + files.size() + " file(s) -> " + folder);
      }
    }
    return lines;
  }
}

package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.beam.WriteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.tables.Table;

/**
 * Checks that the output can be written, and after the run gives every table at least one
 * (possibly empty) Parquet file, so that every table can be queried on every run. Also and clears the previous run's Parquet files from the
 * five table folders (and nothing else), so a rerun replaces the tables instead of adding to them.
 */
final class OutputFolder {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  private OutputFolder() {}

  static void prepare(String output) {
    if (!output.contains("://")) {
      Path dir;
      try {
        dir = Path.of(output);
      } catch (InvalidPathException e) {
        throw new UsageException("--output=" + output + " is not a valid path: " + e.getReason());
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UsageException("--output=" + output + " is a file, not a folder");
      }
      try {
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
        Files.delete(probe);
      } catch (IOException | SecurityException e) {
        throw new UsageException("--output=" + output + " is not writable: " + e.getMessage());
      }
    }
    List<ResourceId> stale = new ArrayList<>();
    for (Table table : Table.values()) {
      try {
        MatchResult m =
            FileSystems.match(WriteTable.folder(output, table) + "/*.parquet", EmptyMatchTreatment.ALLOW);
        if (m.status() == MatchResult.Status.OK) {
          m.metadata().forEach(md -> stale.add(md.resourceId()));
        }
      } catch (IOException e) {
        throw new UsageException("cannot list " + WriteTable.folder(output, table) + ": " + e.getMessage());
      }
    }
    try {
      FileSystems.delete(stale);
    } catch (IOException e) {
      throw new UsageException("cannot remove the previous run's tables in " + output + ": " + e.getMessage());
    }
  }

  /**
   * After a successful run: writes an empty Parquet file (schema, no rows) into each table folder
   * that has none, and removes the empty {@code .temp-beam} folders Beam's file writes leave.
   */
  static void finish(String output) {
    for (Table table : Table.values()) {
      String folder = WriteTable.folder(output, table);
      if (!output.contains("://")) {
        try {
          Files.deleteIfExists(Path.of(folder, ".temp-beam"));
        } catch (DirectoryNotEmptyException e) {
          LOG.warn("{} holds temporary files Beam did not remove; left for inspection", e.getFile());
        } catch (IOException e) {
          LOG.warn("cannot remove {}/.temp-beam: {}", folder, e.toString());
        }
      }
      try {
        MatchResult m = FileSystems.match(folder + "/*.parquet", EmptyMatchTreatment.ALLOW);
        if (m.status() == MatchResult.Status.OK && !m.metadata().isEmpty()) {
          continue;
        }
        ResourceId file = FileSystems.matchNewResource(folder + "/part-00000-of-00001.parquet", false);
        ParquetIO.Sink sink = ParquetIO.sink(table.schema()).withCompressionCodec(CompressionCodecName.SNAPPY);
        try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY)) {
          sink.open(channel);
          sink.flush();
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot write the empty table " + folder + ": " + e.getMessage(), e);
      }
    }
  }
}

package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.tables.Table;

/**
 * Checks that the output can be written and clears the previous run's Parquet files from the five
 * table folders (and nothing else), so a rerun replaces the tables instead of adding to them; runs
 * stage their rows in {@code _staging/}, removed after the run.
 */
final class OutputFolder {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  private OutputFolder() {}

  /** Whether a path is on the local disk (no {@code scheme://}, as in {@code hdfs://...}). */
  static boolean isLocal(String path) {
    return !path.contains("://");
  }

  /** Checks that a local output is a folder that can be written (creating it if needed). */
  static void check(String output) {
    if (isLocal(output)) {
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
  }

  /** Removes the previous run's table files and any crashed run's staged files (under the run lock). */
  static void clear(String output) {
    List<ResourceId> stale = new ArrayList<>();
    for (Table table : Table.values()) {
      try {
        stale.addAll(parquetFiles(WriteTable.folder(output, table), 1));
      } catch (IOException e) {
        throw new UsageException("cannot list " + WriteTable.folder(output, table) + ": " + e.getMessage());
      }
    }
    try {
      FileSystems.delete(stale);
    } catch (IOException e) {
      throw new UsageException("cannot remove the previous run's tables in " + output + ": " + e.getMessage());
    }
    // Left by a run that crashed: its staged rows are in no table.
    removeStaged(stagingRoot(output), 3);
  }

  /** The folder under the output where runs stage their rows; removed after each run. */
  static final String STAGING = "_staging";

  private static String stagingRoot(String output) {
    return WriteTable.folder(output, STAGING);
  }

  /** A new run's staging folder: {@code <output>/_staging/run-<time>-<random>}. */
  static String newStaging(String output) {
    return stagingRoot(output) + "/run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(LocalDateTime.now())
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * After a successful run: checks that every table has at least one Parquet file (the writer
   * writes an empty file for an empty table), then removes the run's staging folder.
   */
  static void finish(String output, String staging) {
    for (Table table : Table.values()) {
      String folder = WriteTable.folder(output, table);
      try {
        if (parquetFiles(folder, 1).isEmpty()) {
          throw new IllegalStateException("the run wrote no Parquet file for table " + table.folder() + " in " + folder);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }
    removeStaging(staging);
  }

  /** Removes a run's staging folder: its staged files ({@code <table>/<id>.parquet}) and folders. */
  static void removeStaging(String staging) {
    removeStaged(staging, 2);
  }

  /**
   * Removes the staged files {@code depth} levels under {@code folder} on any file system, and
   * on a local disk the folders they leave empty, {@code folder} included, and {@code _staging}
   * itself once no run uses it. A failure is logged: staged files are in no table.
   */
  private static void removeStaged(String folder, int depth) {
    try {
      FileSystems.delete(parquetFiles(folder, depth), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      if (isLocal(folder)) {
        Path root = Path.of(folder);
        if (Files.isDirectory(root)) {
          try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
              if (Files.isDirectory(p)) {
                deleteIfEmpty(p);
              }
            }
          }
        }
        if (root.getFileName().toString().startsWith("run-")) {
          deleteIfEmpty(root.getParent());
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot remove the staged files in {}: {}", folder, e.toString());
    }
  }

  /**
   * The {@code .parquet} files exactly {@code depth} levels under {@code folder} (1: in it). A local
   * folder is listed directly, so that glob characters in its path ({@code out[1]}) are taken
   * literally; other file systems are matched with a pattern.
   */
  static List<ResourceId> parquetFiles(String folder, int depth) throws IOException {
    List<ResourceId> found = new ArrayList<>();
    if (isLocal(folder)) {
      Path root = Path.of(folder);
      if (Files.isDirectory(root)) {
        try (Stream<Path> all = Files.walk(root, depth)) {
          for (Path p : all.toList()) {
            if (root.relativize(p).getNameCount() == depth && Files.isRegularFile(p) && p.toString().endsWith(".parquet")) {
              found.add(FileSystems.matchNewResource(p.toString(), false));
            }
          }
        }
      }
      return found;
    }
    MatchResult m = FileSystems.match(folder + "/*".repeat(depth - 1) + "/*.parquet", EmptyMatchTreatment.ALLOW);
    if (m.status() == MatchResult.Status.OK) {
      m.metadata().forEach(md -> found.add(md.resourceId()));
    }
    return found;
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      LOG.warn("{} holds files the job did not stage; left in place", dir);
    }
  }
}

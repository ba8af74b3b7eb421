package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The output folder's layout: each table is a folder of run partitions, {@code
 * <table>/run_date=YYYY-MM-DD/run_id=ID/part-SSSSS-of-NNNNN-ID.parquet}; runs stage their rows in
 * {@code _staging/}, removed after the run. Lists, checks and deletes partitions on any file
 * system Beam knows; which partitions to keep is {@link RunHistory}'s call.
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

  /** {@code <output>/<table>/run_date=<date>/run_id=<id>}: where a run writes its rows of a table. */
  static String partition(String output, Table table, RunId run) {
    return WriteTable.folder(WriteTable.folder(output, table), "run_date=" + run.date() + "/run_id=" + run);
  }

  /**
   * The run partitions of a table, by run id (a run has one; two would mean a copied folder). Folders
   * that are not {@code run_date=.../run_id=<a run id>} are not the job's and are left out.
   */
  static Map<String, List<String>> partitions(String output, Table table) throws IOException {
    String folder = WriteTable.folder(output, table);
    Map<String, List<String>> found = new TreeMap<>();
    if (isLocal(folder)) {
      Path root = Path.of(folder);
      if (!Files.isDirectory(root)) {
        return found;
      }
      try (Stream<Path> dates = Files.list(root)) {
        for (Path date : dates.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith("run_date=")).toList()) {
          try (Stream<Path> runs = Files.list(date)) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
              String name = run.getFileName().toString();
              if (name.startsWith("run_id=") && RunId.isRunId(name.substring("run_id=".length()))) {
                found.computeIfAbsent(name.substring("run_id=".length()), k -> new ArrayList<>()).add(run.toString());
              }
            }
          }
        }
      }
      return found;
    }
    MatchResult m = FileSystems.match(folder + "/run_date=*/run_id=*/*", EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata md : matched(m)) {
      ResourceId dir = md.resourceId().getCurrentDirectory();
      String name = dir.getFilename() == null ? "" : dir.getFilename().replaceAll("/$", "");
      String id = name.startsWith("run_id=") ? name.substring("run_id=".length()) : "";
      if (RunId.isRunId(id)) {
        List<String> dirs = found.computeIfAbsent(id, k -> new ArrayList<>());
        if (!dirs.contains(dir.toString())) {
          dirs.add(dir.toString());
        }
      }
    }
    return found;
  }

  /**
   * The files a match found: none when nothing matched, and an IOException when the file system
   * could not list (never an empty list then: an unlisted committed run would look deleted).
   */
  static List<MatchResult.Metadata> matched(MatchResult m) throws IOException {
    if (m.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    return m.metadata(); // throws the listing's IOException when the status is ERROR
  }

  /** Every file in a partition folder, hidden in-progress files included. */
  static List<ResourceId> filesIn(String partition) throws IOException {
    List<ResourceId> found = new ArrayList<>();
    if (isLocal(partition)) {
      Path dir = Path.of(partition);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.list(dir)) {
          for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
            found.add(FileSystems.matchNewResource(p.toString(), false));
          }
        }
      }
      return found;
    }
    MatchResult m = FileSystems.match(WriteTable.folder(partition, "*"), EmptyMatchTreatment.ALLOW);
    matched(m).forEach(md -> found.add(md.resourceId()));
    return found;
  }

  /** The whole Parquet files of a partition (not the hidden in-progress ones), in name order. */
  static List<ResourceId> tableFiles(String partition) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (ResourceId f : filesIn(partition)) {
      String name = f.getFilename();
      if (name != null && name.endsWith(".parquet") && !name.startsWith(".")) {
        files.add(f);
      }
    }
    files.sort(Comparator.comparing(ResourceId::toString));
    return files;
  }

  /**
   * Deletes a partition: its files, and on a local disk its folder and the run_date folder if that
   * is left empty. On other file systems the emptied folders stay (readers see no file in them).
   */
  static void deletePartition(String partition) throws IOException {
    FileSystems.delete(filesIn(partition), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    if (isLocal(partition)) {
      Path dir = Path.of(partition);
      deleteIfEmpty(dir);
      if (dir.getParent() != null && Files.isDirectory(dir.getParent())) {
        try (Stream<Path> left = Files.list(dir.getParent())) {
          if (left.findAny().isEmpty()) {
            Files.deleteIfExists(dir.getParent());
          }
        }
      }
    }
  }

  /**
   * Parquet files directly in a table folder: the layout before partitions (version 0.1 until
   * issue 6). They belong to no committed run and are removed by the first partitioned run.
   */
  static List<ResourceId> unpartitionedFiles(String output, Table table) throws IOException {
    return parquetFiles(WriteTable.folder(output, table), 1);
  }

  /**
   * Removes what dead runs left in {@code _staging}: their staged files, their markers ({@link
   * LiveRun}) and, on a local disk, their emptied folders. The staging of the runs in {@code keep}
   * (this run, and any other whose marker is live) is left alone.
   */
  static void removeCrashedStaging(String output, java.util.Set<String> keep) {
    String root = stagingRoot(output);
    try {
      List<ResourceId> dead = new ArrayList<>();
      for (ResourceId f : parquetFiles(root, 3)) {
        String[] parts = f.toString().split("/");
        if (parts.length < 3 || !keep.contains(LiveRun.runOf(parts[parts.length - 3]))) {
          dead.add(f);
        }
      }
      FileSystems.delete(dead, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      for (LiveRun.Marker m : LiveRun.markers(output)) {
        if (!keep.contains(m.run())) {
          LiveRun.deleteMarker(output, m.run());
        }
      }
      if (isLocal(root) && Files.isDirectory(Path.of(root))) {
        List<Path> runs;
        try (Stream<Path> all = Files.list(Path.of(root))) {
          runs = all.filter(p -> Files.isDirectory(p) && !keep.contains(LiveRun.runOf(p.toString()))).toList();
        }
        for (Path run : runs) {
          try (Stream<Path> all = Files.walk(run)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
              if (Files.isDirectory(p)) {
                deleteIfEmpty(p);
              }
            }
          }
        }
        deleteIfEmptyQuietly(Path.of(root));
      }
    } catch (IOException e) {
      LOG.warn("cannot remove the staged files in {}: {}", root, e.toString());
    }
  }

  /** The folder under the output where runs stage their rows; removed after each run. */
  static final String STAGING = "_staging";

  private static String stagingRoot(String output) {
    return WriteTable.folder(output, STAGING);
  }

  /** A run's staging folder: {@code <output>/_staging/run-<id>}. */
  static String newStaging(String output, RunId run) {
    return stagingRoot(output) + "/run-" + run;
  }

  /**
   * After the pipeline: checks that it wrote at least one Parquet file to each table's partition
   * of the run (the writer writes an empty file for an empty table).
   */
  static void checkWritten(String output, RunId run) {
    for (Table table : Table.PIPELINE) {
      String folder = partition(output, table, run);
      try {
        if (tableFiles(folder).isEmpty()) {
          throw new IllegalStateException("the run wrote no Parquet file for table " + table.folder() + " in " + folder);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }
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
          deleteIfEmptyQuietly(root.getParent()); // other runs' staging and markers may be there
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
    matched(m).forEach(md -> found.add(md.resourceId()));
    return found;
  }

  private static void deleteIfEmptyQuietly(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // in use
    }
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      LOG.warn("{} holds files the job did not write; left in place", dir);
    }
  }
}

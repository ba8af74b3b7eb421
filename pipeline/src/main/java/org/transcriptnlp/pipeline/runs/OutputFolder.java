package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.UsageException;

/**
 * The output folder as the job uses it besides the tables: checked before a run, and the staging
 * folder ({@code <output>/_staging/run-<id>/<table>/}) where a run's bundles stage their rows
 * before its data files are written. Listing helpers that take a local folder's name literally (a
 * local {@code out[1]} is not a glob).
 */
public final class OutputFolder {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  private OutputFolder() {}

  /** Whether a path is on the local disk (no {@code scheme://}, as in {@code hdfs://...}). */
  public static boolean isLocal(String path) {
    return !path.contains("://");
  }

  /** Checks that a local output is a folder that can be written (creating it if needed). */
  public static void check(String output) {
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

  /**
   * The folder under the output where runs stage their rows; a run removes its own when it ends.
   */
  public static final String STAGING = "_staging";

  static String stagingRoot(String output) {
    return Locations.folder(output, STAGING);
  }

  /** A run's staging folder: {@code <output>/_staging/run-<id>}. */
  public static String staging(String output, RunId run) {
    return stagingRoot(output) + "/run-" + run;
  }

  /**
   * Removes a run's staging folder (its staged files, and on a local disk its folders). A failure
   * is logged.
   */
  public static void removeStaging(String staging) {
    try {
      List<ResourceId> files = new ArrayList<>();
      files(staging).forEach(md -> files.add(md.resourceId()));
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      deleteEmptyFolder(staging);
    } catch (IOException e) {
      LOG.warn("cannot remove the staged files in {}: {}", staging, e.toString());
    }
  }

  /**
   * Every file under a folder (a local one at any depth, another file system's up to 4 levels
   * down), with its size and time: a local folder is walked (its name taken literally), another
   * file system's is matched level by level.
   */
  static List<MatchResult.Metadata> files(String folder) throws IOException {
    List<MatchResult.Metadata> found = new ArrayList<>();
    if (isLocal(folder)) {
      Path root = Path.of(folder);
      if (Files.isDirectory(root)) {
        try (Stream<Path> all = Files.walk(root)) {
          for (Path p : all.toList()) {
            if (Files.isRegularFile(p)) {
              found.add(
                  MatchResult.Metadata.builder()
                      .setResourceId(FileSystems.matchNewResource(p.toString(), false))
                      .setSizeBytes(Files.size(p))
                      .setIsReadSeekEfficient(true)
                      .setLastModifiedMillis(Files.getLastModifiedTime(p).toMillis())
                      .build());
            }
          }
        }
      }
      return found;
    }
    // Level by level (a Hadoop glob's "**" does not reach every depth): the job's files are at most
    // 4
    // levels down (staging: run, table, file). A glob also matches folders, and the job's folders
    // (run-<id>, table names, data) have no '.' in their names, while its files all have one.
    java.util.Map<String, MatchResult.Metadata> byPath = new java.util.TreeMap<>();
    for (int depth = 1; depth <= 4; depth++) {
      for (MatchResult.Metadata md :
          matched(FileSystems.match(folder + "/*".repeat(depth), EmptyMatchTreatment.ALLOW))) {
        String name = md.resourceId().getFilename();
        if (name != null && name.contains(".")) {
          byPath.put(md.resourceId().toString(), md);
        }
      }
    }
    found.addAll(byPath.values());
    return found;
  }

  /** On a local disk: deletes the folder and the folders under it that hold no file. */
  static void deleteEmptyFolder(String folder) {
    if (!isLocal(folder)) {
      return;
    }
    Path root = Path.of(folder);
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(p)) {
          deleteIfEmptyQuietly(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot remove the empty folders in {}: {}", folder, e.toString());
    }
  }

  private static void deleteIfEmptyQuietly(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // in use
    }
  }
}

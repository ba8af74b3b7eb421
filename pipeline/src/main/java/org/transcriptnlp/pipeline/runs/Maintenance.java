package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * Keeping the tables in shape: a run that crashed while committing is rolled back, old snapshots
 * expire, files no snapshot references are deleted, and small data files are compacted. Every step
 * is an Iceberg commit (or a deletion of unreferenced files) that changes no current row.
 */
public final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  /** Always kept, whatever their age: enough to roll back the last runs by hand. */
  public static final int KEEP_LAST = 10;

  private Maintenance() {}

  /** A run is still committing: this one does not touch its tables. */
  public static final class Committing extends RuntimeException {
    Committing(String message) {
      super(message);
    }
  }

  /**
   * Rolls back the tables whose current snapshot is a run's that never committed its runs row (it
   * was killed between its first commit and its last). A snapshot younger than {@code graceMinutes}
   * may be a run still committing: then this run stops with {@link Committing}. {@code
   * committedRuns} may be older than the snapshots (the runs a history read earlier names): a run
   * not among them counts as uncommitted only if the runs table, read after its snapshot was seen,
   * has no row of it either (a run's runs row is its last commit).
   */
  public static int rollBackUncommitted(Warehouse w, Set<String> committedRuns, int graceMinutes) {
    int undone = 0;
    Set<String> committed = new HashSet<>(committedRuns);
    for (Table table : Table.values()) {
      if (table == Table.RUNS || !w.has(table)) {
        continue;
      }
      org.apache.iceberg.Table t = w.table(table);
      t.refresh();
      for (Snapshot s = t.currentSnapshot(); s != null; s = t.currentSnapshot()) {
        String run = s.summary().get(IcebergTables.RUN_ID);
        if (run == null || committed.contains(run) || hasRunsRow(w, run, committed)) {
          break;
        }
        Instant at = Instant.ofEpochMilli(s.timestampMillis());
        if (at.isAfter(Instant.now().minus(Duration.ofMinutes(graceMinutes)))) {
          throw new Committing(
              "run "
                  + run
                  + " is committing to "
                  + w.output()
                  + " (its "
                  + table.folder()
                  + " commit at "
                  + at
                  + " has no runs row yet), or it was killed then: nothing was done; run again in a"
                  + " minute (a killed run's commits are rolled back by the first run "
                  + graceMinutes
                  + " minutes after them, see --cleanAfterMinutes)");
        }
        LOG.info(
            "rolling back {}: run {} committed it at {} but never finished",
            table.folder(),
            run,
            at);
        TableCommit.undo(t, s);
        t.refresh();
        undone++;
      }
    }
    return undone;
  }

  /**
   * Whether the runs table, read now, has a row of {@code run} (the runs it has are added to {@code
   * committed}).
   */
  private static boolean hasRunsRow(Warehouse w, String run, Set<String> committed) {
    if (!w.has(Table.RUNS)) {
      return false;
    }
    w.table(Table.RUNS).refresh();
    for (Record r : w.rows(Table.RUNS)) {
      committed.add(String.valueOf(r.getField("run_id")));
    }
    return committed.contains(run);
  }

  /**
   * Expires the snapshots older than {@code days} (keeping the last {@link #KEEP_LAST}) and the
   * files only they held.
   */
  public static void expireSnapshots(Warehouse w, int days) {
    long before = Instant.now().minus(Duration.ofDays(Math.max(0, days))).toEpochMilli();
    for (Table table : Table.values()) {
      if (!w.has(table) || w.table(table).currentSnapshot() == null) {
        continue;
      }
      try {
        w.table(table).expireSnapshots().expireOlderThan(before).retainLast(KEEP_LAST).commit();
      } catch (CommitFailedException | ValidationException e) {
        LOG.warn(
            "snapshots of {} not expired this time (another commit meanwhile): {}",
            table.folder(),
            e.getMessage());
      }
    }
  }

  /**
   * Deletes the files under each table's {@code data/} folder that no snapshot references and that
   * are older than {@code minutes} (those of a run still going are younger), and the staged files
   * of runs that ended without removing them. Returns the number of files deleted.
   */
  public static int deleteOrphans(Warehouse w, int minutes) {
    long before = Instant.now().minus(Duration.ofMinutes(Math.max(0, minutes))).toEpochMilli();
    // A run still going may have written its first files long ago (a long pipeline stages rows from
    // its
    // start): a run's files go only once the newest file of that run, in any table or in staging,
    // is old.
    Map<Table, List<MatchResult.Metadata>> data = new LinkedHashMap<>();
    List<MatchResult.Metadata> staging = list(OutputFolder.stagingRoot(w.output()));
    Map<String, Long> newest = new HashMap<>();
    for (Table table : Table.values()) {
      if (w.has(table)) {
        data.put(table, list(w.dataFolder(table)));
        data.get(table).forEach(md -> newest.merge(runOf(md), md.lastModifiedMillis(), Math::max));
      }
    }
    staging.forEach(md -> newest.merge(runOf(md), md.lastModifiedMillis(), Math::max));
    java.util.function.Predicate<MatchResult.Metadata> old =
        md -> {
          String run = runOf(md);
          return (run.isEmpty() ? md.lastModifiedMillis() : newest.get(run)) <= before;
        };
    int deleted = 0;
    for (Map.Entry<Table, List<MatchResult.Metadata>> e : data.entrySet()) {
      org.apache.iceberg.Table t = w.table(e.getKey());
      t.refresh();
      Set<String> referenced = referenced(t);
      List<ResourceId> orphans = new ArrayList<>();
      for (MatchResult.Metadata md : e.getValue()) {
        if (!referenced.contains(key(md.resourceId().toString())) && old.test(md)) {
          orphans.add(md.resourceId());
        }
      }
      deleted += delete(orphans, e.getKey().folder());
    }
    deleted +=
        delete(
            staging.stream().filter(old).map(MatchResult.Metadata::resourceId).toList(), "staged");
    for (Table table : data.keySet()) {
      OutputFolder.deleteEmptyFolder(w.dataFolder(table));
    }
    OutputFolder.deleteEmptyFolder(OutputFolder.stagingRoot(w.output()));
    return deleted;
  }

  /**
   * The run whose folder ({@code .../run-<id>/...}) a file is in, or "" for a file in no run's
   * folder.
   */
  static String runOf(MatchResult.Metadata md) {
    java.util.regex.Matcher m = RUN_FOLDER.matcher(md.resourceId().toString());
    String run = "";
    while (m.find()) {
      run = m.group(1);
    }
    return run;
  }

  private static final java.util.regex.Pattern RUN_FOLDER =
      java.util.regex.Pattern.compile("/run-(" + RunId.PATTERN.pattern() + ")/");

  private static int delete(List<ResourceId> files, String what) {
    if (files.isEmpty()) {
      return 0;
    }
    try {
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      LOG.info("deleted {} {} file(s) that no snapshot references", files.size(), what);
      return files.size();
    } catch (IOException e) {
      LOG.warn("cannot delete unreferenced {} files: {}", what, e.toString());
      return 0;
    }
  }

  private static List<MatchResult.Metadata> list(String folder) {
    try {
      return OutputFolder.files(folder);
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", folder, e.toString());
      return List.of();
    }
  }

  /**
   * A file's path without scheme and authority, a local one absolute: the same for a file whether
   * Iceberg recorded it ({@code file:/x}, {@code hdfs:///x}, {@code hdfs://nn:8020/x}) or Beam
   * listed it ({@code /x}, {@code hdfs://nn:8020/x}).
   */
  static String key(String path) {
    String p =
        path.startsWith("file:") && !path.startsWith("file://")
            ? path.substring("file:".length())
            : path;
    int scheme = p.indexOf("://");
    if (scheme >= 0) {
      String rest = p.substring(scheme + 3);
      int slash = rest.indexOf('/');
      return slash < 0 ? "/" : rest.substring(slash);
    }
    return java.nio.file.Path.of(p).toAbsolutePath().normalize().toString();
  }

  /** Every data file any snapshot of the table references, by {@link #key}. */
  public static Set<String> referenced(org.apache.iceberg.Table t) {
    Set<String> files = new HashSet<>();
    Set<String> manifests = new HashSet<>();
    for (Snapshot s : t.snapshots()) {
      for (ManifestFile m : s.allManifests(t.io())) {
        if (!manifests.add(m.path())) {
          continue;
        }
        try (ManifestReader<DataFile> reader = ManifestFiles.read(m, t.io())) {
          for (DataFile f : reader) {
            files.add(key(f.location()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /**
   * Rewrites each table's data files smaller than half the target size into files of about the
   * target size (one commit per table, validated against concurrent deletes); returns the files
   * replaced.
   */
  static int compact(Warehouse w, long targetBytes, RunId run) {
    int replaced = 0;
    for (Table table : Table.values()) {
      if (!w.has(table)) {
        continue;
      }
      org.apache.iceberg.Table t = w.table(table);
      t.refresh();
      Snapshot base = t.currentSnapshot();
      if (base == null) {
        continue;
      }
      List<DataFile> small = new ArrayList<>();
      try (CloseableIterable<FileScanTask> tasks = t.newScan().planFiles()) {
        for (FileScanTask task : tasks) {
          if (task.file().fileSizeInBytes() < targetBytes / 2) {
            small.add(task.file());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (small.size() < 2) {
        continue;
      }
      small.sort((a, b) -> a.location().compareTo(b.location()));
      Set<DataFile> added = new HashSet<>();
      MetricsConfig metrics = MetricsConfig.forTable(t);
      int n = 0;
      DataFileWriter writer = null;
      String target = null;
      long bytes = 0;
      try {
        for (DataFile f : small) {
          if (writer == null) {
            target =
                Locations.folder(
                    w.runFolder(table, run),
                    FilePlan.tagged(
                        FilePlan.name(n++, 99999).replace("part-", "compact-"), run.value()));
            writer =
                new DataFileWriter(t.schema(), FileSystems.matchNewResource(target, false), null);
            bytes = 0;
          }
          try (CloseableIterable<Record> rows = IcebergTables.readFile(t, f.location())) {
            for (Record r : rows) {
              writer.write(r);
            }
          }
          bytes += f.fileSizeInBytes();
          if (bytes >= targetBytes) {
            writer.close();
            writer = null;
            added.add(TableCommit.dataFile(t, target, metrics));
          }
        }
        if (writer != null) {
          writer.close();
          writer = null;
          added.add(TableCommit.dataFile(t, target, metrics));
        }
      } catch (IOException | RuntimeException e) {
        if (writer != null) {
          try {
            writer.close();
          } catch (IOException | RuntimeException closing) {
            e.addSuppressed(closing);
          }
        }
        TableCommit.deleteRunFiles(w, run); // nothing of the compaction was committed
        throw new IllegalStateException(
            "cannot compact the " + table.folder() + " table: " + e.getMessage(), e);
      }
      RewriteFiles op = t.newRewrite().validateFromSnapshot(base.snapshotId());
      small.forEach(op::deleteFile);
      added.forEach(op::addFile);
      op.set(IcebergTables.MODE, "maintain");
      op.set("transcript-nlp.maintenance-run", run.value());
      try {
        op.commit();
        LOG.info(
            "compacted {}: {} small file(s) into {}", table.folder(), small.size(), added.size());
        replaced += small.size();
      } catch (CommitFailedException | ValidationException e) {
        LOG.warn("{} not compacted (another commit meanwhile): {}", table.folder(), e.getMessage());
      }
    }
    return replaced;
  }

  /**
   * {@code --mode=maintain}: roll back a crashed commit, compact, expire snapshots, delete orphans.
   */
  public static String run(TranscriptNlpOptions o, String output) {
    try (Warehouse w = Warehouse.existing(output, o.getCatalog())) {
      RunHistory history = RunHistory.read(w);
      RunId run = RunId.next(Instant.now(), history.last());
      Set<String> committed = new HashSet<>();
      history.committed().forEach(c -> committed.add(c.id().value()));
      int undone = rollBackUncommitted(w, committed, o.getCleanAfterMinutes());
      long target = (long) (o.getTargetFileMegabytes() * (1 << 20));
      int compacted = compact(w, target, run);
      expireSnapshots(w, o.getKeepSnapshotsDays());
      int orphans = deleteOrphans(w, o.getCleanAfterMinutes());
      return "maintained "
          + output
          + ": "
          + compacted
          + " small file(s) compacted, "
          + undone
          + " uncommitted commit(s) rolled back, "
          + orphans
          + " unreferenced file(s) deleted; snapshots older than "
          + o.getKeepSnapshotsDays()
          + " day(s) expired";
    }
  }
}

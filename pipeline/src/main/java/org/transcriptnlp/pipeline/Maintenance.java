package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * Keeping the tables in shape: a run that crashed while committing is rolled back, old snapshots
 * expire, files no snapshot references are deleted, and small data files are compacted. Every step
 * is an Iceberg commit (or a deletion of unreferenced files) that changes no current row.
 */
final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  /** Always kept, whatever their age: enough to roll back the last runs by hand. */
  static final int KEEP_LAST = 10;

  private Maintenance() {}

  /** A run is still committing: this one does not touch its tables. */
  static final class Committing extends RuntimeException {
    Committing(String message) {
      super(message);
    }
  }

  /**
   * Rolls back the tables whose current snapshot is a run's that never committed its runs row (it
   * was killed between its first commit and its last). A snapshot younger than {@code graceMinutes}
   * may be a run still committing: then this run stops with {@link Committing}.
   */
  static int rollBackUncommitted(Warehouse w, Set<String> committedRuns, int graceMinutes) {
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
        if (run != null && !committed.contains(run)) {
          // The runs known to the caller were read before this table's refresh: a run that
          // committed since then has its runs row by now (it is committed last).
          committed.addAll(committedNow(w));
        }
        if (run == null || committed.contains(run)) {
          break;
        }
        Instant at = Instant.ofEpochMilli(s.timestampMillis());
        if (at.isAfter(Instant.now().minus(Duration.ofMinutes(graceMinutes)))) {
          throw new Committing("run " + run + " is committing to " + w.output() + " (its " + table.folder() + " commit at " + at
              + " has no runs row yet), or it was killed then: nothing was done; run again in a minute (a killed run's "
              + "commits are rolled back by the first run " + graceMinutes + " minutes after them, see --cleanAfterMinutes)");
        }
        LOG.info("rolling back {}: run {} committed it at {} but never finished", table.folder(), run, at);
        TableCommit.undo(t, s);
        t.refresh();
        undone++;
      }
    }
    return undone;
  }

  /** The run ids in the runs table as it is now (read from a fresh load, the warehouse's own table untouched). */
  private static Set<String> committedNow(Warehouse w) {
    Set<String> ids = new HashSet<>();
    if (!w.has(Table.RUNS)) {
      return ids;
    }
    org.apache.iceberg.Table runs = w.catalog().loadTable(IcebergTables.identifier(Table.RUNS));
    if (runs.currentSnapshot() == null) {
      return ids;
    }
    try (CloseableIterable<Record> rows = org.apache.iceberg.data.IcebergGenerics.read(runs).select("run_id").build()) {
      rows.forEach(r -> ids.add(String.valueOf(r.getField("run_id"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runs table: " + e.getMessage(), e);
    }
    return ids;
  }

  /** Expires the snapshots older than {@code days} (keeping the last {@link #KEEP_LAST}) and the files only they held. */
  static void expireSnapshots(Warehouse w, int days) {
    long before = Instant.now().minus(Duration.ofDays(Math.max(0, days))).toEpochMilli();
    for (Table table : Table.values()) {
      if (!w.has(table) || w.table(table).currentSnapshot() == null) {
        continue;
      }
      try {
        w.table(table).expireSnapshots().expireOlderThan(before).retainLast(KEEP_LAST).commit();
      } catch (CommitFailedException | ValidationException e) {
        LOG.warn("snapshots of {} not expired this time (another commit meanwhile): {}", table.folder(), e.getMessage());
      }
    }
  }

  /**
   * Deletes the files under each table's {@code data/} folder that no snapshot references and that
   * are older than {@code minutes} (those of a run still going are younger), and the staged files
   * of runs that ended without removing them. Returns the number of files deleted.
   */
  static int deleteOrphans(Warehouse w, int minutes, RunId current) {
    long before = Instant.now().minus(Duration.ofMinutes(Math.max(0, minutes))).toEpochMilli();
    int deleted = 0;
    for (Table table : Table.values()) {
      if (!w.has(table)) {
        continue;
      }
      org.apache.iceberg.Table t = w.table(table);
      t.refresh();
      Set<String> referenced = referenced(t);
      List<ResourceId> orphans = new ArrayList<>();
      String own = current == null ? null : w.runFolder(table, current) + "/";
      for (MatchResult.Metadata md : list(w.dataFolder(table))) {
        String path = md.resourceId().toString();
        if (referenced.contains(path) || (own != null && path.startsWith(own)) || md.lastModifiedMillis() > before) {
          continue;
        }
        orphans.add(md.resourceId());
      }
      deleted += delete(orphans, table.folder());
    }
    List<ResourceId> staged = new ArrayList<>();
    String ownStaging = current == null ? null : OutputFolder.staging(w.output(), current) + "/";
    for (MatchResult.Metadata md : list(OutputFolder.stagingRoot(w.output()))) {
      if ((ownStaging == null || !md.resourceId().toString().startsWith(ownStaging)) && md.lastModifiedMillis() <= before) {
        staged.add(md.resourceId());
      }
    }
    deleted += delete(staged, "staged");
    for (Table table : Table.values()) {
      if (w.has(table)) {
        OutputFolder.deleteEmptyFolder(w.dataFolder(table));
      }
    }
    OutputFolder.deleteEmptyFolder(OutputFolder.stagingRoot(w.output()));
    return deleted;
  }

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

  /** Every data file any snapshot of the table references, as Beam paths. */
  static Set<String> referenced(org.apache.iceberg.Table t) {
    Set<String> files = new HashSet<>();
    Set<String> manifests = new HashSet<>();
    for (Snapshot s : t.snapshots()) {
      for (ManifestFile m : s.allManifests(t.io())) {
        if (!manifests.add(m.path())) {
          continue;
        }
        try (ManifestReader<DataFile> reader = ManifestFiles.read(m, t.io())) {
          for (DataFile f : reader) {
            files.add(Warehouse.beamPath(f.location()));
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
            target = WriteTable.folder(w.runFolder(table, run), WriteTable.tagged(FilePlan.name(n++, 99999).replace("part-", "compact-"), run.value()));
            writer = new DataFileWriter(t.schema(), FileSystems.matchNewResource(target, false), null);
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
      } catch (IOException e) {
        throw new UncheckedIOException("cannot compact the " + table.folder() + " table: " + e.getMessage(), e);
      }
      RewriteFiles op = t.newRewrite().validateFromSnapshot(base.snapshotId());
      small.forEach(op::deleteFile);
      added.forEach(op::addFile);
      op.set(IcebergTables.MODE, "maintain");
      op.set("transcript-nlp.maintenance-run", run.value());
      try {
        op.commit();
        LOG.info("compacted {}: {} small file(s) into {}", table.folder(), small.size(), added.size());
        replaced += small.size();
      } catch (CommitFailedException | ValidationException e) {
        LOG.warn("{} not compacted (another commit meanwhile): {}", table.folder(), e.getMessage());
      }
    }
    return replaced;
  }

  /** {@code --mode=maintain}: roll back a crashed commit, compact, expire snapshots, delete orphans. */
  static String run(TranscriptNlpOptions o, String output) {
    try (Warehouse w = Warehouse.existing(output, o.getCatalog())) {
      RunHistory history = RunHistory.read(w);
      RunId run = RunId.next(Instant.now(), history.last());
      Set<String> committed = new HashSet<>();
      history.committed().forEach(c -> committed.add(c.id().value()));
      int undone = rollBackUncommitted(w, committed, o.getCleanAfterMinutes());
      long target = (long) (o.getTargetFileMegabytes() * (1 << 20));
      int compacted = compact(w, target, run);
      expireSnapshots(w, o.getKeepSnapshotsDays());
      int orphans = deleteOrphans(w, o.getCleanAfterMinutes(), null);
      return "maintained " + output + ": " + compacted + " small file(s) compacted, " + undone + " uncommitted commit(s) rolled back, "
          + orphans + " unreferenced file(s) deleted; snapshots older than " + o.getKeepSnapshotsDays() + " day(s) expired";
    }
  }
}

package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * Commits a run to the Iceberg tables: one commit per table that changes, in the order of {@link
 * Table#values()} (the five tables of rows, then the manifest, then the runs table last). Each
 * commit adds the run's new data files and, in the same snapshot, removes the rows they replace: a
 * data file whose rows all go is dropped, one that keeps some is rewritten without the others
 * (copy-on-write), and the rows of a file that moved are rewritten under its new path. So every
 * reader sees, in each table and at every moment, exactly the current rows.
 *
 * <p>Every commit is validated from the snapshot the run read at its start: if another run
 * committed to a table meanwhile, the commit fails, the tables this run already committed are
 * rolled back, and the run stops with one line ({@link Conflict}). A snapshot's summary carries the
 * run id, the settings fingerprint, the pipeline version, the mode and the row counts.
 */
public final class TableCommit {
  private static final Logger LOG = LoggerFactory.getLogger(TableCommit.class);

  private TableCommit() {}

  /** Another run committed to the output while this one ran: nothing of this run is visible. */
  public static final class Conflict extends RuntimeException {
    Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Which current rows go: those of the source paths in {@code drop} (or, when {@code all}, of
   * every path but those in {@code keep}); those of the paths in {@code moved} stay, under the new
   * path.
   */
  public record Replacement(
      Set<String> drop, Map<String, String> moved, boolean all, Set<String> keep) {
    public static final Replacement NONE = new Replacement(Set.of(), Map.of(), false, Set.of());

    /** The row's new source path, or null when the row goes. */
    String fate(String path) {
      String to = moved.get(path);
      if (to != null) {
        return to;
      }
      if (all) {
        return keep.contains(path) ? path : null;
      }
      return drop.contains(path) ? null : path;
    }

    boolean touchesAnything() {
      return all || !drop.isEmpty() || !moved.isEmpty();
    }
  }

  /** What one table's commit does. */
  public record Change(
      Table table,
      List<DataFile> deletes,
      List<DataFile> adds,
      long rowsAdded,
      long rowsDropped,
      long filesRewritten) {
    boolean isEmpty() {
      return deletes.isEmpty() && adds.isEmpty();
    }
  }

  /**
   * Works out a table's commit: its new data files (those the run wrote to its folder) and the
   * current files whose rows the replacement drops or moves, rewritten where they keep rows. The
   * rewritten files go to the run's folder too, so a run that does not commit leaves nothing
   * anywhere else.
   */
  public static Change prepare(
      Warehouse w, Table table, RunId run, List<String> newFiles, Replacement replacement) {
    org.apache.iceberg.Table t = w.table(table);
    List<DataFile> deletes = new ArrayList<>();
    List<DataFile> adds = new ArrayList<>();
    long added = 0;
    long dropped = 0;
    long rewritten = 0;
    MetricsConfig metrics = MetricsConfig.forTable(t);
    for (String path : newFiles) {
      DataFile f = dataFile(t, path, metrics);
      if (f.recordCount() == 0) {
        delete(path); // an empty table's file: nothing to commit
        continue;
      }
      adds.add(f);
      added += f.recordCount();
    }
    if (replacement.touchesAnything() && t.currentSnapshot() != null) {
      TableScan scan = t.newScan();
      if (!replacement.all()) {
        Set<String> paths = new HashSet<>(replacement.drop());
        paths.addAll(replacement.moved().keySet());
        scan = scan.filter(Expressions.in("source_path", paths.toArray()));
      }
      int n = 0;
      String file = null; // the one being read and rewritten
      try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
        for (FileScanTask task : tasks) {
          DataFile old = task.file();
          file = old.location();
          String target =
              Locations.folder(
                  w.runFolder(table, run),
                  FilePlan.tagged(
                      FilePlan.name(n, 99999).replace("part-", "rewrite-"), run.value()));
          if (replacement.all() && replacement.keep().isEmpty()) {
            deletes.add(old); // every row goes: no need to read it
            dropped += old.recordCount();
            continue;
          }
          long changed = 0;
          long kept = 0;
          try (CloseableIterable<Record> rows =
              IcebergTables.readFile(t, old.location(), t.schema().select("source_path"))) {
            for (Record r : rows) {
              String path = String.valueOf(r.getField("source_path"));
              String to = replacement.fate(path);
              changed += to == null || !to.equals(path) ? 1 : 0;
              kept += to == null ? 0 : 1;
            }
          }
          if (changed == 0) {
            continue; // nothing of this file changes
          }
          deletes.add(old);
          dropped += old.recordCount() - kept;
          if (kept > 0) {
            try (DataFileWriter writer =
                    new DataFileWriter(
                        t.schema(), FileSystems.matchNewResource(target, false), null);
                CloseableIterable<Record> rows = IcebergTables.readFile(t, old.location())) {
              for (Record r : rows) {
                String path = String.valueOf(r.getField("source_path"));
                String to = replacement.fate(path);
                if (to != null) {
                  if (!to.equals(path)) {
                    r = r.copy();
                    r.setField("source_path", to);
                  }
                  writer.write(r);
                }
              }
            }
            adds.add(dataFile(t, target, metrics));
            rewritten++;
            n++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the "
                + table.folder()
                + " table's files to replace rows: "
                + e.getMessage(),
            e);
      } catch (RuntimeException e) {
        if (file == null) {
          throw e;
        }
        // A damaged data file is not repaired: the run fails before any commit, with a line that
        // names the file.
        throw new IllegalStateException(
            "cannot rewrite the rows of "
                + file
                + " (a data file of the "
                + table.folder()
                + " table) into the run's folder: "
                + e.getMessage(),
            e);
      }
    }
    return new Change(table, deletes, adds, added, dropped, rewritten);
  }

  /** A data file's entry: its size, row count and column metrics, read from its footer. */
  public static DataFile dataFile(org.apache.iceberg.Table t, String path, MetricsConfig metrics) {
    String location = IcebergTables.location(path);
    InputFile in = t.io().newInputFile(location);
    return DataFiles.builder(t.spec())
        .withPath(location)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(in.getLength())
        .withMetrics(ParquetUtil.fileMetrics(in, metrics))
        .build();
  }

  /**
   * Commits the changes in order, each validated from the snapshot in {@code bases}; on a conflict
   * rolls back what this run committed and throws {@link Conflict}. A table whose rows do not
   * change is committed too (an empty snapshot with the run's summary) when {@code everyTable}, or
   * when it has no snapshot yet (so that every reader finds every table).
   */
  public static void commit(
      Warehouse w,
      List<Change> changes,
      Map<Table, Long> bases,
      Map<String, String> summary,
      RunId run,
      boolean everyTable) {
    List<Table> done = new ArrayList<>();
    Map<Table, Long> mine = new LinkedHashMap<>();
    for (Change c : changes) {
      if (c.isEmpty() && !everyTable && w.table(c.table()).currentSnapshot() != null) {
        continue;
      }
      if (c.table() == Table.RUNS) {
        // The commit point: every snapshot this run made must still be in its table's history. A
        // file system whose rename replaces its target (a local disk) can lose a commit that raced
        // with another run's; HDFS refuses the second rename, and Iceberg's validation does the
        // rest.
        verify(w, mine, done, run);
      }
      org.apache.iceberg.Table t = w.table(c.table());
      OverwriteFiles op = t.newOverwrite();
      c.deletes().forEach(op::deleteFile);
      c.adds().forEach(op::addFile);
      Long base = bases.get(c.table());
      if (c.table() != Table.RUNS) {
        // The runs table only gains rows: two runs' rows never conflict, and a run that gets this
        // far
        // has had every other commit validated.
        if (base != null) {
          op.validateFromSnapshot(base);
        }
        op.conflictDetectionFilter(Expressions.alwaysTrue())
            .validateNoConflictingData()
            .validateNoConflictingDeletes();
      }
      summary.forEach(op::set);
      op.set(IcebergTables.ROWS_ADDED, String.valueOf(c.rowsAdded()));
      op.set("transcript-nlp.rows-replaced", String.valueOf(c.rowsDropped()));
      op.set("transcript-nlp.files-rewritten", String.valueOf(c.filesRewritten()));
      try {
        op.commit();
      } catch (org.apache.iceberg.exceptions.CommitStateUnknownException e) {
        // Maybe committed, maybe not: nothing is rolled back or deleted; a later run rolls back
        // what has no runs row.
        throw new IllegalStateException(
            "the commit of the "
                + c.table().folder()
                + " table of run "
                + run
                + " may or may not have"
                + " happened ("
                + e.getMessage()
                + "): a later run rolls it back if it did",
            e);
      } catch (ValidationException | CommitFailedException e) {
        rollBack(w, done, run);
        t.refresh();
        Snapshot now = t.currentSnapshot();
        Long was = bases.get(c.table());
        if (e instanceof CommitFailedException
            && (now == null ? was == null : Long.valueOf(now.snapshotId()).equals(was))) {
          // Nobody else committed: the file system or catalog failed (permissions, space, a network
          // error).
          throw new IllegalStateException(
              "cannot commit the "
                  + c.table().folder()
                  + " table: "
                  + e.getMessage()
                  + "; nothing of run "
                  + run
                  + " is visible",
              e);
        }
        throw new Conflict(
            "another run committed to "
                + w.output()
                + " while this one ran (table "
                + c.table().folder()
                + "): nothing of run "
                + run
                + " is visible; run again",
            e);
      } catch (RuntimeException e) {
        rollBack(w, done, run);
        throw e;
      }
      done.add(c.table());
      mine.put(c.table(), t.currentSnapshot().snapshotId());
      if (c.table() == Table.RUNS) {
        // A rename that replaced its target (a local disk) may have dropped this row for another
        // run's:
        // the runs table only gains rows, so add it again until it is in the table's history.
        for (int again = 0; again < 3 && !inHistory(t, mine.get(Table.RUNS)); again++) {
          LOG.warn("run {}'s runs row was lost to another run's commit; committing it again", run);
          OverwriteFiles retry = t.newOverwrite();
          c.adds().forEach(retry::addFile);
          summary.forEach(retry::set);
          retry.commit();
          mine.put(Table.RUNS, t.currentSnapshot().snapshotId());
        }
      }
      LOG.info(
          "committed {}: +{} row(s), -{} row(s), {} file(s) added, {} removed",
          c.table().folder(),
          c.rowsAdded(),
          c.rowsDropped(),
          c.adds().size(),
          c.deletes().size());
      HaltPoint.reach("committed-" + c.table().folder());
    }
  }

  private static boolean inHistory(org.apache.iceberg.Table t, long snapshot) {
    t.refresh();
    Snapshot current = t.currentSnapshot();
    return current != null && SnapshotUtil.isAncestorOf(t, current.snapshotId(), snapshot);
  }

  /**
   * Checks that each snapshot in {@code mine} is its table's current snapshot or one of its
   * ancestors; else a conflict.
   */
  static void verify(Warehouse w, Map<Table, Long> mine, List<Table> done, RunId run) {
    for (Map.Entry<Table, Long> m : mine.entrySet()) {
      org.apache.iceberg.Table t = w.table(m.getKey());
      t.refresh();
      Snapshot current = t.currentSnapshot();
      if (current == null || !SnapshotUtil.isAncestorOf(t, current.snapshotId(), m.getValue())) {
        rollBack(w, done, run);
        throw new Conflict(
            "another run committed to "
                + w.output()
                + " while this one ran (its "
                + m.getKey().folder()
                + " commit replaced this run's): nothing of run "
                + run
                + " is visible; run again",
            null);
      }
    }
  }

  /**
   * Rolls each of these tables back to before this run's snapshot, where that snapshot is still the
   * current one.
   */
  static void rollBack(Warehouse w, List<Table> tables, RunId run) {
    for (Table table : tables) {
      org.apache.iceberg.Table t = w.table(table);
      t.refresh();
      Snapshot s = t.currentSnapshot();
      if (s != null && run.value().equals(s.summary().get(IcebergTables.RUN_ID))) {
        undo(t, s);
      }
    }
  }

  /**
   * Makes the snapshot before {@code s} current again (for a table's first snapshot: an empty
   * table).
   */
  static void undo(org.apache.iceberg.Table t, Snapshot s) {
    if (s.parentId() != null) {
      t.manageSnapshots().rollbackTo(s.parentId()).commit();
    } else {
      t.newDelete()
          .deleteFromRowFilter(Expressions.alwaysTrue())
          .set(IcebergTables.MODE, "rollback")
          .commit();
    }
  }

  /** The summary every snapshot of the run carries. */
  public static Map<String, String> summary(
      RunId run, String fingerprint, String version, JobConfig.Mode mode, long processed) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(IcebergTables.RUN_ID, run.value());
    s.put(IcebergTables.SETTINGS_FINGERPRINT, fingerprint);
    s.put(IcebergTables.PIPELINE_VERSION, version);
    s.put(IcebergTables.MODE, mode.value());
    s.put(IcebergTables.FILES_PROCESSED, String.valueOf(processed));
    return s;
  }

  /**
   * Deletes a run's folder of each table (its new and rewritten files), when the run does not
   * commit.
   */
  public static void deleteRunFiles(Warehouse w, RunId run) {
    for (Table t : Table.values()) {
      if (!w.has(t)) {
        continue;
      }
      try {
        w.table(t).refresh();
        Snapshot s = w.table(t).currentSnapshot();
        if (s != null && run.value().equals(s.summary().get(IcebergTables.RUN_ID))) {
          LOG.warn(
              "run {}'s files are kept: the {} table's current snapshot is the run's (a later run"
                  + " rolls it back)",
              run,
              t.folder());
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "run {}'s files are kept: cannot read the {} table ({})",
            run,
            t.folder(),
            e.toString());
        return;
      }
    }
    for (Table t : Table.values()) {
      if (!w.has(t)) {
        continue;
      }
      try {
        List<ResourceId> files = new ArrayList<>();
        OutputFolder.files(w.runFolder(t, run))
            .forEach(md -> files.add(md.resourceId())); // a local folder's name taken literally
        FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        OutputFolder.deleteEmptyFolder(w.runFolder(t, run));
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "cannot delete the files run {} wrote to {}: {} (the next run's clean-up removes them)",
            run,
            t.folder(),
            e.toString());
      }
    }
  }

  private static void delete(String path) {
    try {
      FileSystems.delete(
          List.of(FileSystems.matchNewResource(path, false)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", path, e.toString());
    }
  }
}

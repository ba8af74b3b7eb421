package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.tables.ParquetCheck;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * Damaged table files among the current rows (truncated, emptied or overwritten files of the
 * answers, sentences, entities, turns or rejects table of a live run), found at the start of each
 * run and repaired. Every file of the live runs' partitions is checked as readers first see it
 * ({@link ParquetCheck}: its first 4 and last 8 bytes). A damaged file is moved to {@code
 * <output>/_quarantine/<table>/run_date=D/run_id=R/}, which no view reads, and the source files
 * whose current rows are in that run and table (the run's manifest counts their rows per table)
 * are processed again by this run (manifest change {@code repair}). Their new rows become current
 * when the run commits.
 *
 * <p>Crash safety: the move is a rename, and the files to process again are found from the
 * quarantine, not from the move: a run that dies after moving a file leaves it there, and the next
 * run processes those source files again, until a committed run has made new rows of them current.
 * The job never deletes the quarantine: look at what is in it, then delete it.
 */
final class TableRepair {
  private static final Logger LOG = LoggerFactory.getLogger(TableRepair.class);
  static final String QUARANTINE = "_quarantine";

  private final Set<String> sources;

  private TableRepair(Set<String> sources) {
    this.sources = sources;
  }

  /** The source files to process again. */
  Set<String> sources() {
    return sources;
  }

  /**
   * Checks the table files of the live runs, moves the damaged ones to the quarantine, and finds
   * the source files whose current rows are in a quarantined file.
   */
  static TableRepair check(String output, RunHistory history) {
    try {
      long start = System.nanoTime();
      record Live(Table table, String run, ResourceId file) {}
      List<Live> files = new ArrayList<>();
      for (Table table : Table.PIPELINE) {
        for (Map.Entry<String, List<String>> p : OutputFolder.partitions(output, table).entrySet()) {
          if (history.isLive(p.getKey())) {
            for (String folder : p.getValue()) {
              OutputFolder.tableFiles(folder).forEach(f -> files.add(new Live(table, p.getKey(), f)));
            }
          }
        }
      }
      List<String> problems = checkAll(files.stream().map(Live::file).toList());
      for (int i = 0; i < files.size(); i++) {
        if (problems.get(i) != null) {
          quarantine(output, files.get(i).table(), files.get(i).run(), files.get(i).file(), problems.get(i));
        }
      }
      LOG.debug("checked {} table file(s) of the live runs in {} ms", files.size(), (System.nanoTime() - start) / 1_000_000);
      return new TableRepair(damagedRows(output, history));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the table files in " + output + ": " + e.getMessage(), e);
    }
  }

  /** Files checked at once: on HDFS each check waits for the NameNode and a DataNode. */
  private static final int PARALLEL = 8;

  /** {@link ParquetCheck#problem} of each file, in order, several at a time. */
  private static List<String> checkAll(List<ResourceId> files) throws IOException {
    if (files.size() < 2) {
      List<String> one = new ArrayList<>();
      for (ResourceId f : files) {
        one.add(ParquetCheck.problem(f));
      }
      return one;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(PARALLEL, files.size()), r -> {
      Thread t = new Thread(r, "transcript-nlp-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<String>> checks = new ArrayList<>();
      for (ResourceId f : files) {
        checks.add(pool.submit(() -> ParquetCheck.problem(f)));
      }
      List<String> problems = new ArrayList<>();
      for (java.util.concurrent.Future<String> c : checks) {
        problems.add(c.get());
      }
      return problems;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checking the table files", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Moves a damaged file of a live run to the quarantine (a rename: whole or not at all). */
  private static void quarantine(String output, Table table, String run, ResourceId file, String problem) throws IOException {
    ResourceId target = FileSystems.matchNewResource(WriteTable.folder(folder(output, table, run), file.getFilename()), false);
    FileSystems.rename(List.of(file), List.of(target));
    LOG.warn("{} is {}: moved to {}, where no view reads it; the files with current rows in it are processed again",
        file, problem, target);
  }

  /** {@code <output>/_quarantine/<table>/run_date=D/run_id=R}. */
  private static String folder(String output, Table table, String run) {
    return OutputFolder.partition(WriteTable.folder(output, QUARANTINE), table, RunId.parse(run));
  }

  /**
   * The source files whose current entry is a run with a quarantined file of a table, and which
   * have rows in that table from that run: their current rows there are (or may be) lost.
   */
  private static Set<String> damagedRows(String output, RunHistory history) throws IOException {
    String quarantine = WriteTable.folder(output, QUARANTINE);
    Map<String, Set<String>> tablesByRun = new TreeMap<>();
    for (Table table : Table.PIPELINE) {
      for (Map.Entry<String, List<String>> p : OutputFolder.partitions(quarantine, table).entrySet()) {
        if (!history.isLive(p.getKey())) {
          continue; // not current any more (a full run came after it)
        }
        for (String folder : p.getValue()) {
          if (!OutputFolder.tableFiles(folder).isEmpty()) {
            tablesByRun.computeIfAbsent(p.getKey(), k -> new TreeSet<>()).add(table.folder());
          }
        }
      }
    }
    Set<String> sources = new TreeSet<>();
    if (tablesByRun.isEmpty()) {
      return sources;
    }
    Map<String, List<String>> manifests = OutputFolder.partitions(output, Table.MANIFEST);
    Map<String, RunHistory.Entry> current = history.current();
    for (Map.Entry<String, Set<String>> damaged : tablesByRun.entrySet()) {
      String run = damaged.getKey();
      List<String> columns = new ArrayList<>(List.of("source_path"));
      columns.addAll(damaged.getValue());
      Set<String> found = new TreeSet<>();
      for (String folder : manifests.getOrDefault(run, List.of())) {
        for (ResourceId f : OutputFolder.tableFiles(folder)) {
          ParquetFiles.read(f, ParquetFiles.projection(Table.MANIFEST, columns.toArray(String[]::new)), row -> {
            String source = String.valueOf(row.get("source_path"));
            RunHistory.Entry entry = current.get(source);
            boolean hasRows = damaged.getValue().stream().anyMatch(t -> ((Number) row.get(t)).longValue() > 0);
            if (hasRows && entry != null && entry.run().value().equals(run)) {
              found.add(source);
            }
          });
        }
      }
      if (!found.isEmpty()) {
        LOG.warn("repair: {} file(s) with current rows in the quarantined {} file(s) of run {} are processed again",
            found.size(), String.join(", ", damaged.getValue()), run);
      }
      sources.addAll(found);
    }
    return sources;
  }

  /**
   * The plan with the files to repair processed ({@link RunPlan#REPAIR}) where it does not process
   * them anyway; those the input no longer matches are named in the log (their rows stay missing).
   */
  RunPlan apply(RunPlan plan) {
    if (sources.isEmpty()) {
      return plan;
    }
    Set<String> matched = new TreeSet<>();
    plan.decisions().forEach(d -> {
      matched.add(d.path());
      if (d.movedFrom() != null) {
        matched.add(d.movedFrom().sourcePath()); // moved: repaired under its new path
      }
    });
    for (String source : sources) {
      if (!matched.contains(source)) {
        LOG.warn("repair: {} is not matched by --input any more: its rows in the quarantined file(s) stay missing "
            + "from the current tables", source);
      }
    }
    return plan.reprocess(sources, RunPlan.REPAIR);
  }
}

package org.transcriptnlp.pipeline;

import java.io.IOException;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.tables.ParquetCheck;

/**
 * A file of the {@code runs} or {@code manifest} table that cannot be read: without it the job
 * cannot tell which runs are committed or which rows are current, so it stops before doing
 * anything, with one line (exit 2, as for other unusable outputs) that names the file, says what
 * is wrong with it and what to do. Not an unexpected failure: no stack trace.
 */
final class DamagedFile extends UsageException {
  private DamagedFile(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }

  /**
   * The failure to read a file of the runs or manifest table ({@code <output>/<table>/run_date=D/
   * run_id=R/NAME}), explained; or, when the file cannot even be opened now (a file system that
   * fails), that failure as it is, which is not the file's fault.
   */
  static RuntimeException history(ResourceId file, Throwable cause) {
    String path = file.toString();
    String problem;
    try {
      problem = problem(file, cause);
    } catch (IOException e) {
      e.addSuppressed(cause);
      return new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    String[] parts = path.split("/");
    String table = parts.length >= 4 ? parts[parts.length - 4] : "?";
    String run = parts.length >= 2 ? parts[parts.length - 2].replaceFirst("^run_id=", "") : "?";
    int cut = path.lastIndexOf("/" + table + "/");
    String output = cut > 0 ? path.substring(0, cut) : "the output folder";
    String fix = table.equals("runs")
        ? "run " + run + " then counts as not committed (the next run deletes its rows and processes its files again as needed)"
        : "the files run " + run + " processed are then processed again as needed";
    return new DamagedFile(path + " is " + problem + ": the " + table + " table cannot be read, so nothing was done; "
        + "put back a good copy of the file, or move it out of " + output + " and run again: " + fix, cause);
  }

  /** What is wrong with a file that could not be read, in a few words ("truncated (...)"). */
  static String problem(ResourceId file, Throwable cause) throws IOException {
    String problem = ParquetCheck.problem(file);
    if (problem != null) {
      return problem;
    }
    return "unreadable (" + firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage()) + ")";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

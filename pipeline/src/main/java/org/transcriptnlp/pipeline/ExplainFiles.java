package org.transcriptnlp.pipeline;

import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.io.BoundedRead;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.options.UsageException;
import org.transcriptnlp.pipeline.runs.InputFiles;

/** {@code --explain=GLOB}: how each file is split into turns, without running the job. */
final class ExplainFiles {
  private ExplainFiles() {}

  static void print(TranscriptNlpOptions options, PrintStream out) {
    FileSystems.setDefaultPipelineOptions(options);
    Format format;
    try {
      format = Format.parse(options.getFormat());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: " + e.getMessage());
    }
    // The same matching as --input's: a folder, FIFO or broken link is listed as not read, never
    // opened.
    List<MatchResult.Metadata> files = InputFiles.match("--explain", List.of(options.getExplain()));
    if (files.isEmpty()) {
      throw new UsageException("no file matched --explain=" + options.getExplain());
    }
    Extraction extraction =
        new Extraction(
            format,
            JobConfig.split(options.getQuestioners()),
            JobConfig.split(options.getRespondents()));
    for (MatchResult.Metadata file : files) {
      String name = file.resourceId().toString();
      try {
        byte[] bytes =
            BoundedRead.readFile(
                file,
                options.getMaxFileMegabytes() * 1024L * 1024L,
                options.getMaxCompressionRatio());
        out.println(extraction.explain(name, file.resourceId().getFilename(), bytes));
      } catch (BoundedRead.Refused e) {
        out.println(name + ": cannot be read (" + e.reason() + "): " + e.getMessage());
        out.println();
      } catch (Extraction.Rejected e) {
        out.println(
            name
                + ": cannot be read ("
                + e.failure().stage()
                + ", "
                + e.failure().reason()
                + "): "
                + e.getMessage());
        out.println();
      } catch (RuntimeException e) {
        out.println(name + ": cannot be read: " + e.getMessage());
        out.println();
      }
    }
  }
}

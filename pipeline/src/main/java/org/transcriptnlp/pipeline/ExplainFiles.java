package org.transcriptnlp.pipeline;

import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.transcriptnlp.beam.BoundedRead;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.formats.TranscriptFiles;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.parse.Explain;
import org.transcriptnlp.parse.TurnParser;

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
    // The same matching as --input's: a folder, FIFO or broken link is listed as not read, never opened.
    List<MatchResult.Metadata> files = InputFiles.match("--explain", List.of(options.getExplain()));
    if (files.isEmpty()) {
      throw new UsageException("no file matched --explain=" + options.getExplain());
    }
    TurnParser parser = new TurnParser(JobConfig.split(options.getQuestioners()), JobConfig.split(options.getRespondents()));
    for (MatchResult.Metadata file : files) {
      String name = file.resourceId().toString();
      try {
        byte[] bytes =
            BoundedRead.readFile(file, options.getMaxFileMegabytes() * 1024L * 1024L, options.getMaxCompressionRatio());
        TranscriptFiles.Read read = TranscriptFiles.read(file.resourceId().getFilename(), bytes, format);
        ParsedTranscript parsed = parser.parseBlocks(read.blocks());
        out.println(Explain.render(name, read.asRead(), parsed));
      } catch (BoundedRead.Refused e) {
        out.println(name + ": cannot be read (" + e.reason() + "): " + e.getMessage());
        out.println();
      } catch (TranscriptFiles.Refused e) {
        out.println(name + ": cannot be read (" + e.stage() + ", " + e.reason() + "): " + e.getMessage());
        out.println();
      } catch (RuntimeException e) {
        out.println(name + ": cannot be read: " + e.getMessage());
        out.println();
      }
    }
  }
}

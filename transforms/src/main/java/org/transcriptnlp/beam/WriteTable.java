package org.transcriptnlp.beam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * Writes one table's new rows as data files of its Iceberg table (Iceberg's Parquet writer, Snappy,
 * every row with the run's id) in a folder of the table's {@code data/} folder, for the driver to
 * commit ({@code TableCommit}); the files are named {@code part-SSSSS-of-NNNNN-<tag>.parquet}, each
 * about the target size (the last one smaller): a table of a few megabytes is one file.
 *
 * <p>How: each bundle's rows go to a staging file under the run's staging folder; the staged files'
 * names and sizes are gathered, planned into output files ({@link FilePlan}) and each output file
 * is written from its staged files, in parallel. Rows are never grouped: a GroupByKey of every row
 * of a table (fixed shards) costs the Direct Runner a copy of the growing group at every bundle,
 * which grew with the square of the input. Only file names are grouped. The staging folder is
 * removed after the run ({@code OutputFolder.removeStaging}); a retried bundle leaves an unlisted
 * staged file there, never a duplicate row.
 */
public class WriteTable extends PTransform<PCollection<GenericRecord>, PCollection<String>> {
  private final Table table;
  private final String schemaJson;
  private final String folder;
  private final String tag;
  private final String stagingDir;
  private final long targetFileBytes;

  /**
   * @param folder the folder the table's files are written to (the run's folder in the table's data
   *     folder)
   * @param tag put in every file name ({@code part-SSSSS-of-NNNNN-<tag>.parquet}), so that the
   *     files of different runs never share a name
   * @param stagingDir the run's staging folder (the table's staged files go to a sub-folder named
   *     after it)
   * @param targetFileBytes the size an output file is filled to, in bytes of staged Parquet
   */
  public WriteTable(
      Table table, String folder, String tag, String stagingDir, long targetFileBytes) {
    this(
        table,
        org.apache.iceberg.SchemaParser.toJson(
            org.transcriptnlp.tables.IcebergTables.schema(table)),
        folder,
        tag,
        stagingDir,
        targetFileBytes);
  }

  /**
   * @param schemaJson the Iceberg table's schema ({@code SchemaParser.toJson}): the data files are
   *     written with its field ids
   */
  public WriteTable(
      Table table,
      String schemaJson,
      String folder,
      String tag,
      String stagingDir,
      long targetFileBytes) {
    if (targetFileBytes < 1) {
      throw new IllegalArgumentException(
          "target file size must be positive, got " + targetFileBytes);
    }
    if (!tag.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "a file name tag is letters, digits, '.', '_' and '-', got '" + tag + "'");
    }
    this.table = table;
    this.schemaJson = schemaJson;
    this.folder = folder;
    this.tag = tag;
    this.stagingDir = stagingDir;
    this.targetFileBytes = targetFileBytes;
  }

  @Override
  public PCollection<String> expand(PCollection<GenericRecord> rows) {
    KvCoder<String, Long> stagedCoder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    return rows.apply(
            "StageBundles",
            ParDo.of(new StageBundleFn(table, Locations.folder(stagingDir, table.folder()))))
        .setCoder(stagedCoder)
        .apply("GatherStagedFiles", Combine.globally(new ToListFn()))
        .apply("PlanFiles", ParDo.of(new PlanFn(folder, tag, targetFileBytes)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("WriteFiles", ParDo.of(new WriteFileFn(table, schemaJson, tag)))
        .setCoder(StringUtf8Coder.of());
  }

  /** Writes each bundle's rows to one staged Parquet file; emits its path and size. */
  static final class StageBundleFn extends DoFn<GenericRecord, KV<String, Long>> {
    private final Table table;
    private final String folder;
    private final Counter staged;
    private transient ResourceId file;
    private transient ParquetFiles.Writer writer;

    StageBundleFn(Table table, String folder) {
      this.table = table;
      this.folder = folder;
      this.staged = Metric.counter(Metric.filesStaged(table.folder()));
    }

    @StartBundle
    public void startBundle() {
      file = null;
      writer = null;
    }

    @ProcessElement
    public void process(@Element GenericRecord row) throws IOException {
      if (writer == null) {
        file = FileSystems.matchNewResource(folder + "/" + UUID.randomUUID() + ".parquet", false);
        writer = new ParquetFiles.Writer(table, file);
      }
      writer.write(row);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (writer == null) {
        return;
      }
      writer.close();
      long bytes = writer.bytes();
      writer = null;
      staged.inc();
      context.output(
          KV.of(file.toString(), bytes),
          GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE);
    }

    @Teardown
    public void teardown() throws IOException {
      if (writer != null) {
        writer.close();
      }
    }
  }

  /** Gathers the staged files of a table into one list (an empty list when there are none). */
  static final class ToListFn
      extends Combine.CombineFn<KV<String, Long>, List<KV<String, Long>>, List<KV<String, Long>>> {
    @Override
    public List<KV<String, Long>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KV<String, Long>> addInput(List<KV<String, Long>> acc, KV<String, Long> input) {
      acc.add(input);
      return acc;
    }

    @Override
    public List<KV<String, Long>> mergeAccumulators(Iterable<List<KV<String, Long>>> accs) {
      List<KV<String, Long>> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<KV<String, Long>> extractOutput(List<KV<String, Long>> acc) {
      return acc;
    }

    @Override
    public Coder<List<KV<String, Long>>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, Long>> input) {
      return ListCoder.of(input);
    }

    @Override
    public Coder<List<KV<String, Long>>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<String, Long>> input) {
      return ListCoder.of(input);
    }
  }

  /**
   * Plans the output files: one element per file, its full path and the staged files it is made of.
   */
  static final class PlanFn extends DoFn<List<KV<String, Long>>, KV<String, List<String>>> {
    private final String folder;
    private final String tag;
    private final long targetFileBytes;

    PlanFn(String folder, String tag, long targetFileBytes) {
      this.folder = folder;
      this.tag = tag;
      this.targetFileBytes = targetFileBytes;
    }

    @ProcessElement
    public void process(
        @Element List<KV<String, Long>> staged, OutputReceiver<KV<String, List<String>>> out) {
      List<FilePlan.Staged> files =
          staged.stream().map(kv -> new FilePlan.Staged(kv.getKey(), kv.getValue())).toList();
      for (FilePlan.Output o : FilePlan.plan(files, targetFileBytes)) {
        out.output(KV.of(Locations.folder(folder, FilePlan.tagged(o.name(), tag)), o.staged()));
      }
    }
  }

  /**
   * Writes one output file from its staged files, row by row (full-size row groups); emits its
   * path.
   */
  static final class WriteFileFn extends DoFn<KV<String, List<String>>, String> {
    private final Table table;
    private final String schemaJson;
    private final String runId;
    private final Counter files;
    private final Counter rows;
    private transient org.apache.iceberg.Schema schema;

    WriteFileFn(Table table, String runId) {
      this(
          table,
          org.apache.iceberg.SchemaParser.toJson(
              org.transcriptnlp.tables.IcebergTables.schema(table)),
          runId);
    }

    WriteFileFn(Table table, String schemaJson, String runId) {
      this.table = table;
      this.schemaJson = schemaJson;
      this.runId = runId;
      this.files = Metric.counter(Metric.filesWritten(table.folder()));
      this.rows = Metric.counter(Metric.rowsWritten(table.folder()));
    }

    @ProcessElement
    public void process(@Element KV<String, List<String>> plan, OutputReceiver<String> out)
        throws IOException {
      ResourceId target = FileSystems.matchNewResource(plan.getKey(), false);
      ResourceId partial = ParquetFiles.inProgress(target);
      long written;
      if (schema == null) {
        schema = org.apache.iceberg.SchemaParser.fromJson(schemaJson);
      }
      DataFileWriter writer = new DataFileWriter(schema, partial, runId);
      try {
        for (String staged : plan.getValue()) {
          ParquetFiles.read(FileSystems.matchNewResource(staged, false), writer::write);
        }
        written = writer.rows();
        writer.close();
      } catch (IOException | RuntimeException e) {
        // No file with part of the rows: closing writes a valid footer, so remove it.
        try {
          writer.close();
        } catch (IOException | RuntimeException closing) {
          e.addSuppressed(closing);
        }
        FileSystems.delete(List.of(partial), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        throw e;
      }
      if (written == 0) {
        // An empty table gets no data file: its commit adds nothing (Iceberg's writer may not even
        // create one).
        FileSystems.delete(List.of(partial), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        return;
      }
      Locations.publish(partial, target);
      files.inc();
      rows.inc(written);
      out.output(plan.getKey());
    }
  }
}

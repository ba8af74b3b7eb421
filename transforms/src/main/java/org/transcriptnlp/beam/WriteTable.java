package org.transcriptnlp.beam;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.transcriptnlp.tables.Table;

/**
 * Writes one table as Snappy-compressed Parquet files in {@code <output>/<table>/}, named {@code
 * part-SSSSS-of-NNNNN.parquet}. A fixed number of shards keeps the file count bounded (no file per
 * bundle); an empty table still gets a file, so every table folder can be queried on every run.
 */
public class WriteTable extends PTransform<PCollection<GenericRecord>, WriteFilesResult<Void>> {
  private final Table table;
  private final String outputDir;
  private final int shards;

  public WriteTable(Table table, String outputDir, int shards) {
    this.table = table;
    this.outputDir = outputDir;
    this.shards = shards;
  }

  /** The folder this table is written to. */
  public static String folder(String outputDir, Table table) {
    return outputDir.endsWith("/") ? outputDir + table.folder() : outputDir + "/" + table.folder();
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<GenericRecord> rows) {
    return rows.apply(
        "WriteParquet",
        FileIO.<GenericRecord>write()
            .via(ParquetIO.sink(table.schema()).withCompressionCodec(CompressionCodecName.SNAPPY))
            .to(folder(outputDir, table))
            .withPrefix("part")
            .withSuffix(".parquet")
            .withNumShards(shards));
  }
}

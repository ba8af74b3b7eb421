package org.transcriptnlp.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Writes one data file of an Iceberg table from the job's Avro rows, with Iceberg's Parquet writer
 * (Parquet field ids from the table's schema, Snappy), on any file system Beam is set up for. Every
 * row gets the run's id in its {@code run_id} column. The file is not part of the table until the
 * driver commits it.
 */
public final class DataFileWriter implements AutoCloseable {
  /**
   * Rows buffered per row group, as {@link ParquetFiles.Writer}: several files are written at once.
   */
  static final long ROW_GROUP_BYTES = ParquetFiles.Writer.ROW_GROUP_BYTES;

  private final Schema schema;
  private final String runId;
  private final FileAppender<Record> appender;
  private long rows;

  public DataFileWriter(Table table, ResourceId file, String runId) throws IOException {
    this(IcebergTables.schema(table), file, runId);
  }

  /** A writer of data files of a table with this (the table's current) schema. */
  public DataFileWriter(Schema schema, ResourceId file, String runId) throws IOException {
    this.schema = schema;
    this.runId = runId;
    this.appender =
        Parquet.write(new BeamOutputFile(file))
            .schema(schema)
            .createWriterFunc(type -> GenericParquetWriter.create(schema, type))
            .set(TableProperties.PARQUET_COMPRESSION, "snappy")
            .set(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, String.valueOf(ROW_GROUP_BYTES))
            .overwrite()
            .build();
  }

  public void write(GenericRecord row) throws IOException {
    appender.add(toIceberg(row, schema.asStruct(), runId));
    rows++;
  }

  /** Writes an Iceberg record of the table's schema as it is (its run_id kept). */
  public void write(Record row) throws IOException {
    appender.add(row);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    appender.close();
  }

  /**
   * An Avro row of the job as an Iceberg record of the table's schema; {@code run_id} set when
   * given.
   */
  static Record toIceberg(GenericRecord row, Types.StructType struct, String runId) {
    Record r = org.apache.iceberg.data.GenericRecord.create(struct);
    for (Types.NestedField f : struct.fields()) {
      Object v = row.getSchema().getField(f.name()) == null ? null : row.get(f.name());
      r.setField(f.name(), value(v, f.type()));
    }
    if (runId != null && struct.field("run_id") != null) {
      r.setField("run_id", runId);
    }
    return r;
  }

  private static Object value(Object v, Type type) {
    if (v == null) {
      return null;
    }
    switch (type.typeId()) {
      case STRING:
        return v instanceof Utf8 || !(v instanceof String) ? v.toString() : v;
      case TIMESTAMP:
        long millis = ((Number) v).longValue();
        java.time.Instant at = java.time.Instant.ofEpochMilli(millis);
        return ((Types.TimestampType) type).shouldAdjustToUTC()
            ? at.atOffset(java.time.ZoneOffset.UTC)
            : java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
      case LIST:
        List<Object> out = new ArrayList<>();
        Type element = type.asListType().elementType();
        for (Object e : (Iterable<?>) v) {
          out.add(value(e, element));
        }
        return out;
      case STRUCT:
        return toIceberg((GenericRecord) v, type.asStructType(), null);
      case MAP:
        Map<Object, Object> m = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          m.put(
              value(e.getKey(), type.asMapType().keyType()),
              value(e.getValue(), type.asMapType().valueType()));
        }
        return m;
      default:
        return v;
    }
  }

  /**
   * An Iceberg output file on a Beam file system (written from start to end, as Beam's channels
   * are).
   */
  static final class BeamOutputFile implements OutputFile {
    private final ResourceId file;

    BeamOutputFile(ResourceId file) {
      this.file = file;
    }

    @Override
    public PositionOutputStream create() {
      try {
        OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY));
        return new PositionOutputStream() {
          private long position;

          @Override
          public long getPos() {
            return position;
          }

          @Override
          public void write(int b) throws IOException {
            out.write(b);
            position++;
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
          }

          @Override
          public void flush() throws IOException {
            out.flush();
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        };
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      return create();
    }

    @Override
    public String location() {
      return file.toString();
    }

    @Override
    public InputFile toInputFile() {
      throw new UnsupportedOperationException(
          "a data file is read back by the driver, through the table's FileIO");
    }
  }
}

package org.transcriptnlp.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.transcriptnlp.io.Locations;

/**
 * Parquet files of a table on any file system Beam knows (local, HDFS, ...): a writer and a reader
 * of Avro records, Snappy-compressed.
 *
 * <p>Both use an empty Hadoop {@code Configuration} (no default resources): Parquet's builders
 * otherwise load Hadoop's default XML files for every file, which cost more than writing a bundle's
 * rows (the job opens a file per bundle).
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /** Writes a table's records to one Parquet file; {@link #close} finishes the file. */
  public static final class Writer implements AutoCloseable {
    /**
     * Rows buffered per row group: a fourth of Parquet's default, as several files are written at
     * once.
     */
    static final int ROW_GROUP_BYTES = 32 << 20;

    private final ParquetWriter<GenericRecord> writer;
    private final StreamOutputFile output;
    private long rows;

    public Writer(Table table, ResourceId file) throws IOException {
      OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY));
      this.output = new StreamOutputFile(out);
      try {
        this.writer =
            AvroParquetWriter.<GenericRecord>builder(output)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withConf(new Configuration(false))
                .withSchema(table.schema())
                .withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
      } catch (IOException | RuntimeException e) {
        out.close();
        throw e;
      }
    }

    public void write(GenericRecord row) throws IOException {
      writer.write(row);
      rows++;
    }

    public long rows() {
      return rows;
    }

    /** Bytes written to the file so far (all of it once closed). */
    public long bytes() {
      return output.position;
    }

    /** Writes the footer and closes the file. */
    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  /** Takes the records read. */
  @FunctionalInterface
  public interface RowSink {
    void accept(GenericRecord row) throws IOException;
  }

  /**
   * Reads every record of one Parquet file, in order, as written (the schema stored in the file).
   */
  public static void read(ResourceId file, RowSink each) throws IOException {
    read(file, null, each);
  }

  /**
   * Reads every record of one Parquet file, in order, with only the columns of {@code projection}
   * (see {@link #projection}); all columns when it is null.
   */
  public static void read(ResourceId file, Schema projection, RowSink each) throws IOException {
    Configuration conf = new Configuration(false);
    SeekableByteChannel channel = open(file);
    ParquetFileReader opened;
    try {
      opened =
          ParquetFileReader.open(
              new ChannelInputFile(channel, file.toString()), ParquetReadOptions.builder().build());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    try (ParquetFileReader reader = opened) {
      FileMetaData meta = reader.getFooter().getFileMetaData();
      MessageType schema = meta.getSchema();
      if (projection != null) {
        // Columns added to the table after this file was written are left out: absent from its
        // rows.
        AvroReadSupport.setRequestedProjection(conf, present(projection, schema));
      }
      Map<String, String> keyValues = meta.getKeyValueMetaData();
      ReadSupport<GenericRecord> support = new AvroReadSupport<>(GenericData.get());
      Map<String, Set<String>> multi =
          keyValues.entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.of(e.getValue())));
      ReadSupport.ReadContext context = support.init(new InitContext(conf, multi, schema));
      RecordMaterializer<GenericRecord> materializer =
          support.prepareForRead(conf, keyValues, schema, context);
      reader.setRequestedSchema(context.getRequestedSchema());
      MessageColumnIO io =
          new ColumnIOFactory(meta.getCreatedBy())
              .getColumnIO(context.getRequestedSchema(), schema, true);
      for (PageReadStore rowGroup = reader.readNextRowGroup();
          rowGroup != null;
          rowGroup = reader.readNextRowGroup()) {
        RecordReader<GenericRecord> records =
            io.getRecordReader(rowGroup, materializer, FilterCompat.NOOP);
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          each.accept(records.read());
        }
      }
    }
  }

  /** The projection without the columns a file lacks. */
  private static Schema present(Schema projection, MessageType file) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : projection.getFields()) {
      if (file.containsField(f.name())) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return fields.size() == projection.getFields().size()
        ? projection
        : Schema.createRecord(
            projection.getName(), projection.getDoc(), projection.getNamespace(), false, fields);
  }

  /** A record schema with only these columns of a table, to read just them. */
  public static Schema projection(Table table, String... columns) {
    Schema full = table.schema();
    List<Schema.Field> fields = new ArrayList<>();
    for (String c : columns) {
      Schema.Field f = full.getField(c);
      if (f == null) {
        throw new IllegalArgumentException("table " + table.folder() + " has no column " + c);
      }
      fields.add(new Schema.Field(f, f.schema()));
    }
    return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
  }

  /**
   * Where a file is written before it is complete: a hidden name in the same folder ({@code
   * .NAME.inprogress}), which readers' {@code *.parquet} globs and Spark skip. It is renamed to its
   * name once closed, so a file under its own name is always whole, even after a crash.
   */
  public static ResourceId inProgress(ResourceId file) {
    return file.getCurrentDirectory()
        .resolve(
            "." + file.getFilename() + ".inprogress",
            ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
  }

  /** Writes rows to a {@link Writer}. */
  @FunctionalInterface
  public interface RowSource {
    void writeTo(Writer writer) throws IOException;
  }

  /** Writes these rows as one whole file: under its hidden in-progress name, then renamed. */
  public static void writeWhole(Table table, ResourceId file, List<GenericRecord> rows)
      throws IOException {
    writeWhole(
        table,
        file,
        writer -> {
          for (GenericRecord row : rows) {
            writer.write(row);
          }
        });
  }

  /**
   * Writes the rows a source streams as one whole file: under its hidden in-progress name, then
   * renamed; the partial file is deleted if writing fails.
   */
  public static void writeWhole(Table table, ResourceId file, RowSource rows) throws IOException {
    ResourceId partial = inProgress(file);
    try (Writer writer = new Writer(table, partial)) {
      rows.writeTo(writer);
    } catch (IOException | RuntimeException e) {
      FileSystems.delete(List.of(partial), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    Locations.publish(partial, file);
  }

  /** A Parquet output file that is a stream (Beam's channels are written from start to end). */
  private static final class StreamOutputFile implements OutputFile {
    private final OutputStream out;
    private long position;

    StreamOutputFile(OutputStream out) {
      this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
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
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  /** A file of a Beam file system, opened for reading at random positions, as Parquet reads. */
  static SeekableByteChannel open(ResourceId file) throws IOException {
    ReadableByteChannel opened = FileSystems.open(file);
    if (opened instanceof SeekableByteChannel channel) {
      return channel;
    }
    opened.close();
    throw new IOException(file + " cannot be read at random positions, which Parquet needs");
  }

  /**
   * A Parquet input file over one open seekable channel: the length and the one stream Parquet's
   * reader opens come from it (closing the stream closes the channel). Its name is the file's path:
   * Parquet's messages name a file by its input file ("PATH is not a Parquet file...").
   */
  private static final class ChannelInputFile implements InputFile {
    private final SeekableByteChannel channel;
    private final String name;

    ChannelInputFile(SeekableByteChannel channel, String name) {
      this.channel = channel;
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }

    @Override
    public long getLength() throws IOException {
      return channel.size();
    }

    @Override
    public SeekableInputStream newStream() {
      return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
          channel.position(newPos);
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
          return channel.read(buf);
        }
      };
    }
  }
}

package org.transcriptnlp.tables;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A cheap check that a file is a whole Parquet file, as readers (DuckDB, Spark, this job) first
 * see it: {@code PAR1} at its start, and at its end a footer length that fits in the file, then
 * {@code PAR1}. It reads 12 bytes, on any file system Beam knows; it decodes neither the footer
 * nor the pages, so it finds a truncated, emptied or overwritten file, not a flipped bit inside.
 */
public final class ParquetCheck {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetCheck() {}

  /**
   * What is wrong with the file, in a few words ({@code "truncated (812 bytes, no Parquet footer
   * at its end)"}), or null when it looks whole. An IOException is a failure to open or read it,
   * not a verdict on its bytes.
   */
  public static String problem(ResourceId file) throws IOException {
    try (SeekableByteChannel channel = ParquetFiles.open(file)) {
      long size = channel.size();
      if (size == 0) {
        return "empty (0 bytes)";
      }
      byte[] head = read(channel, 0, (int) Math.min(MAGIC.length, size));
      if (!Arrays.equals(head, MAGIC)) {
        return "not a Parquet file (" + size + " bytes that do not start with PAR1)";
      }
      if (size < 2L * MAGIC.length + 4) {
        return "truncated (" + size + " bytes, too short for a Parquet file)";
      }
      byte[] tail = read(channel, size - 8, 8);
      if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        return "truncated (" + size + " bytes, no Parquet footer at its end)";
      }
      long footer = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
      if (footer == 0 || footer > size - 2L * MAGIC.length - 4) {
        return "damaged (its footer length, " + footer + " bytes, does not fit in its " + size + " bytes)";
      }
      return null;
    }
  }

  private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    channel.position(position);
    while (buf.hasRemaining()) {
      if (channel.read(buf) < 0) {
        throw new EOFException("end of file at " + (position + buf.position()) + " of " + channel.size());
      }
    }
    return buf.array();
  }
}

package org.transcriptnlp.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footer check of a table file, and Parquet's messages naming the file by its path. */
class ParquetCheckTest {
  @TempDir Path dir;

  private static ResourceId id(Path p) {
    return FileSystems.matchNewResource(p.toString(), false);
  }

  @Test
  void findsEmptyTruncatedAndForeignFilesAndPassesAWholeOne() throws Exception {
    Path good = dir.resolve("good.parquet");
    try (ParquetFiles.Writer w = new ParquetFiles.Writer(Table.REJECTS, id(good))) {
      GenericRecord r = new GenericData.Record(Table.REJECTS.schema());
      r.put("source_path", "a.txt");
      r.put("stage", "parse");
      r.put("reason", "no_answers");
      r.put("detail", "a row");
      w.write(r);
    }
    byte[] bytes = Files.readAllBytes(good);
    assertNull(ParquetCheck.problem(id(good)));
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length - 1));
    assertEquals("truncated (" + (bytes.length - 1) + " bytes, no Parquet footer at its end)", ParquetCheck.problem(id(cut)));
    assertEquals("empty (0 bytes)", ParquetCheck.problem(id(Files.write(dir.resolve("empty.parquet"), new byte[0]))));
    assertEquals("not a Parquet file (4 bytes that do not start with PAR1)",
        ParquetCheck.problem(id(Files.writeString(dir.resolve("text.parquet"), "text"))));
    assertEquals("truncated (6 bytes, too short for a Parquet file)",
        ParquetCheck.problem(id(Files.writeString(dir.resolve("short.parquet"), "PAR1xx"))));
    byte[] longFooter = bytes.clone();
    longFooter[bytes.length - 5] = 0x7f; // the footer length's high byte
    assertTrue(ParquetCheck.problem(id(Files.write(dir.resolve("footer.parquet"), longFooter))).startsWith("damaged (its footer length, "));

    // Reading the cut file fails with Parquet's message, which names the file by its path.
    RuntimeException e = assertThrows(RuntimeException.class, () -> ParquetFiles.read(id(cut), row -> {}));
    assertTrue(e.getMessage().startsWith(cut + " is not a Parquet file"), e.getMessage());
  }
}

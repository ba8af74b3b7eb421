package org.transcriptnlp.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The output tables. Each one's schema is the {@code .avsc} file of the same name in {@code
 * schemas/} at the top of the repository (packaged on the classpath under {@code schemas/}).
 */
public enum Table {
  ANSWERS("answers"),
  SENTENCES("sentences"),
  ENTITIES("entities"),
  TURNS("turns"),
  REJECTS("rejects"),
  /** Written by the job after a run's tables: one row per processed input file. */
  MANIFEST("manifest"),
  /** Written last by the job: one row per committed run. */
  RUNS("runs");

  /** The tables the pipeline writes, from the transcripts. */
  public static final List<Table> PIPELINE = List.of(ANSWERS, SENTENCES, ENTITIES, TURNS, REJECTS);

  private final String folder;
  private volatile Schema schema;

  Table(String folder) {
    this.folder = folder;
  }

  /** The table's folder name under the output directory. */
  public String folder() {
    return folder;
  }

  /** The schema as JSON, for shipping to workers (Avro schemas are rebuilt there). */
  public String schemaJson() {
    String resource = "/schemas/" + folder + ".avsc";
    try (InputStream in = Table.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Schema schema() {
    Schema s = schema;
    if (s == null) {
      s = new Schema.Parser().parse(schemaJson());
      schema = s;
    }
    return s;
  }
}

package org.transcriptnlp.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Renders the table documentation (schemas/README.md) from the {@code doc} strings of the .avsc
 * files, so the two never disagree. {@code SchemaDocsTest} fails when the committed file is stale;
 * run it with {@code -Dschemas.update=true} to rewrite it.
 */
public final class SchemaDocs {
  private SchemaDocs() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Output tables\n\n")
        .append("Generated from the `.avsc` files in this folder (the source of truth) by `SchemaDocs`;\n")
        .append("do not edit by hand. Each table is a folder of Parquet files under `--output`, partitioned\n")
        .append("by run (Hive style): `<output>/<table>/run_date=YYYY-MM-DD/run_id=ID/part-SSSSS-of-NNNNN-ID.parquet`.\n")
        .append("DuckDB (`hive_partitioning = true`) and Spark add the two partition columns to every table:\n\n")
        .append("| column | type | description |\n|---|---|---|\n")
        .append("| `run_date` | date | The UTC date the run that wrote the row started. |\n")
        .append("| `run_id` | string | The run that wrote the row: `yyyyMMdd-HHmmss-SSS-xxxxxx` (UTC start time, 6 random hex digits); ids sort as runs started. |\n\n")
        .append("Runs add partitions; rows of files that did not change are not written again. The current rows\n")
        .append("(each file's rows from its latest committed run) are the views of `samples/queries/current.sql`.\n")
        .append("Joins: `answer_id` links answers, sentences and entities; `transcript_id` and `source_path` link\n")
        .append("every table to its transcript; `source_path` and `run_id` link the tables to `manifest`, and\n")
        .append("`run_id` links everything to `runs`.\n");
    for (Table table : Table.values()) {
      Schema s = table.schema();
      md.append("\n## `").append(table.folder()).append("`\n\n").append(s.getDoc()).append("\n\n");
      md.append("| column | type | description |\n|---|---|---|\n");
      for (Schema.Field f : s.getFields()) {
        md.append("| `").append(f.name()).append("` | ").append(type(f.schema())).append(" | ")
            .append(f.doc() == null ? "" : f.doc().replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String type(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      return s.getTypes().stream()
              .filter(t -> t.getType() != Schema.Type.NULL)
              .map(t -> t.getType().getName())
              .collect(Collectors.joining(" or "))
          + " (nullable)";
    }
    return s.getType().getName();
  }

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "schemas/README.md");
    Files.writeString(target, markdown(), StandardCharsets.UTF_8);
  }
}

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
        .append(
            "Generated from the `.avsc` files in this folder (the source of truth) by"
                + " `SchemaDocs`;\n")
        .append(
            "do not edit by hand. Each table is an Apache Iceberg table (format version 2) in the"
                + " namespace\n")
        .append(
            "`transcripts` of the job's catalog: by default a file-system (Hadoop) catalog whose"
                + " warehouse is\n")
        .append(
            "`--output`, so the table `answers` is the folder `<output>/transcripts/answers/`"
                + " (`metadata/`, `data/`).\n")
        .append(
            "The Iceberg schemas are converted from these Avro schemas (field ids 1, 2, ... in"
                + " field order).\n\n")
        .append(
            "Every table holds only current rows: a run's commit adds the rows of the files it"
                + " processed and\n")
        .append(
            "removes, in the same snapshot, the rows they replace (copy-on-write), so any Iceberg"
                + " reader, and any\n")
        .append(
            "Parquet reader given the current snapshot's data files, sees each file's rows once."
                + " Earlier states\n")
        .append("are the tables' snapshots (time travel), each with the run's id in its summary\n")
        .append("(`transcript-nlp.run-id`).\n")
        .append(
            "Joins: `answer_id` links answers, sentences and entities; `transcript_id` and"
                + " `source_path` link\n")
        .append(
            "every table to its transcript; `source_path` links the tables to `manifest`, and"
                + " `run_id` links\n")
        .append("every row to the run in `runs` that made it.\n");
    for (Table table : Table.values()) {
      Schema s = table.schema();
      md.append("\n## `").append(table.folder()).append("`\n\n").append(s.getDoc()).append("\n\n");
      md.append("| column | type | description |\n|---|---|---|\n");
      for (Schema.Field f : s.getFields()) {
        md.append("| `")
            .append(f.name())
            .append("` | ")
            .append(type(f.schema()))
            .append(" | ")
            .append(f.doc() == null ? "" : f.doc().replace("|", "\\|"))
            .append(" |\n");
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

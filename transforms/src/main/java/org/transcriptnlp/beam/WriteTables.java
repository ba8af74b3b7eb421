package org.transcriptnlp.beam;

import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.tables.Table;

/**
 * The five tables of a run, from what the pipeline produced ({@link #of}): the rows of the answers,
 * sentences and entities tables from the annotated answers ({@code BuildRows}), of the turns table
 * from the parsed transcripts ({@code TurnRows}), of the rejects table from the failures ({@code
 * RejectRows}); each table's rows then written as its new data files by a {@link WriteTable}
 * ({@code WriteAnswers}, {@code WriteSentences}, {@code WriteEntities}, {@code WriteTurns}, {@code
 * WriteRejects}), for the driver to commit.
 */
public final class WriteTables extends PTransform<PCollectionTuple, PDone> {
  /** Every answer, with what the annotators found (answers, sentences, entities). */
  public static final TupleTag<AnnotatedAnswer> ANSWERS = new TupleTag<>() {};

  /** Every parsed transcript (turns). */
  public static final TupleTag<ParsedDoc> PARSED = new TupleTag<>() {};

  /** Every failure of every stage (rejects). */
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final Map<Table, WriteTable> writers = new EnumMap<>(Table.class);

  /**
   * @param folders where each table's new data files go (the run's folder in the table's data
   *     folder)
   * @param schemas each table's Iceberg schema as JSON: the data files carry its field ids
   * @param tag put in every file name (the run's id)
   * @param staging the run's staging folder: each bundle's rows are staged there before a table's
   *     files are written
   * @param targetFileBytes the size an output file is filled to
   */
  public WriteTables(
      Map<Table, String> folders,
      Map<Table, String> schemas,
      String tag,
      String staging,
      long targetFileBytes) {
    for (Table table : Table.PIPELINE) {
      writers.put(
          table,
          new WriteTable(
              table, schemas.get(table), folders.get(table), tag, staging, targetFileBytes));
    }
  }

  /** The input: the annotated answers, the parsed transcripts and the failures. */
  public static PCollectionTuple of(
      PCollection<AnnotatedAnswer> answers,
      PCollection<ParsedDoc> parsed,
      PCollection<Failure> failures) {
    return PCollectionTuple.of(ANSWERS, answers).and(PARSED, parsed).and(FAILURES, failures);
  }

  @Override
  public PDone expand(PCollectionTuple in) {
    PCollectionTuple rows = in.get(ANSWERS).apply("BuildRows", new BuildRows());
    PCollection<GenericRecord> turnRows = in.get(PARSED).apply("TurnRows", new TurnRows());
    PCollection<GenericRecord> rejectRows =
        PCollectionList.of(in.get(FAILURES)).apply("RejectRows", new RejectRows());

    rows.get(BuildRows.ANSWER_ROWS).apply("WriteAnswers", writers.get(Table.ANSWERS));
    rows.get(BuildRows.SENTENCE_ROWS).apply("WriteSentences", writers.get(Table.SENTENCES));
    rows.get(BuildRows.ENTITY_ROWS).apply("WriteEntities", writers.get(Table.ENTITIES));
    turnRows.apply("WriteTurns", writers.get(Table.TURNS));
    rejectRows.apply("WriteRejects", writers.get(Table.REJECTS));
    return PDone.in(in.getPipeline());
  }
}

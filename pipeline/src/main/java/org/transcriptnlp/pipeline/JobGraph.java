package org.transcriptnlp.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.transcriptnlp.beam.Annotate;
import org.transcriptnlp.beam.BuildRows;
import org.transcriptnlp.beam.PairAnswers;
import org.transcriptnlp.beam.ParseTurns;
import org.transcriptnlp.beam.ReadTranscripts;
import org.transcriptnlp.beam.RejectRows;
import org.transcriptnlp.beam.TurnRows;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.runs.RunId;
import org.transcriptnlp.tables.Table;

/**
 * The job's graph: read, parse turns, pair answers, spread answers over workers, annotate sentiment
 * then entities (each answer carries its results on, no join), write five tables.
 */
public final class JobGraph {
  private JobGraph() {}

  /**
   * @param files the files to process (matched and chosen by the driver: {@link RunPlan})
   * @param run the run: its id is in every row and file name
   * @param folders where each table's new data files go ({@link Warehouse#runFolder}), for the
   *     driver to commit
   * @param schemas each table's Iceberg schema as JSON: the data files carry its field ids
   * @param staging the run's staging folder: each bundle's rows are staged there before a table's
   *     files are written (see {@link WriteTable})
   */
  public static void build(
      Pipeline p,
      JobConfig c,
      List<MatchResult.Metadata> files,
      RunId run,
      Map<Table, String> folders,
      Map<Table, String> schemas,
      String staging) {
    List<PCollection<Failure>> failures = new ArrayList<>();

    PCollectionTuple read =
        p.apply(
            "ReadTranscripts",
            ReadTranscripts.files(files, c.maxFileBytes(), c.maxCompressionRatio(), c.format()));
    failures.add(read.get(ReadTranscripts.FAILURES));

    PCollectionTuple parsed =
        read.get(ReadTranscripts.DOCS)
            .apply("ParseTurns", new ParseTurns(c.questioners(), c.respondents()));
    failures.add(parsed.get(ParseTurns.FAILURES));

    PCollectionTuple paired = parsed.get(ParseTurns.PARSED).apply("PairAnswers", new PairAnswers());
    failures.add(paired.get(PairAnswers.FAILURES));

    // Answers of one file arrive in one bundle; spreading them lets every core annotate. A bounded
    // number of buckets (JobConfig.buckets): one random key per answer costs the Direct Runner a
    // timer and a bundle each.
    PCollection<AnswerUnit> answers =
        paired
            .get(PairAnswers.ANSWERS)
            .apply(
                "SpreadAnswers", Reshuffle.<AnswerUnit>viaRandomKey().withNumBuckets(c.buckets()));

    // Every answer comes out once, annotated or not (over --maxAnswerChars, or annotators off).
    PCollectionTuple annotate = answers.apply("Annotate", new Annotate(c.annotators()));
    failures.add(annotate.get(Annotate.FAILURES));
    PCollection<AnnotatedAnswer> annotated = annotate.get(Annotate.ANSWERS);

    PCollectionTuple rows = annotated.apply("BuildRows", new BuildRows());
    PCollection<GenericRecord> turnRows =
        parsed.get(ParseTurns.PARSED).apply("TurnRows", new TurnRows());
    PCollection<GenericRecord> rejectRows =
        PCollectionList.of(failures).apply("RejectRows", new RejectRows());

    rows.get(BuildRows.ANSWER_ROWS)
        .apply("WriteAnswers", write(Table.ANSWERS, c, run, folders, schemas, staging));
    rows.get(BuildRows.SENTENCE_ROWS)
        .apply("WriteSentences", write(Table.SENTENCES, c, run, folders, schemas, staging));
    rows.get(BuildRows.ENTITY_ROWS)
        .apply("WriteEntities", write(Table.ENTITIES, c, run, folders, schemas, staging));
    turnRows.apply("WriteTurns", write(Table.TURNS, c, run, folders, schemas, staging));
    rejectRows.apply("WriteRejects", write(Table.REJECTS, c, run, folders, schemas, staging));
  }

  private static WriteTable write(
      Table table,
      JobConfig c,
      RunId run,
      Map<Table, String> folders,
      Map<Table, String> schemas,
      String staging) {
    return new WriteTable(
        table, schemas.get(table), folders.get(table), run.value(), staging, c.targetFileBytes());
  }
}

package org.transcriptnlp.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.transcriptnlp.beam.AnnotateEntities;
import org.transcriptnlp.beam.AnnotateSentiment;
import org.transcriptnlp.beam.AnswerUnit;
import org.transcriptnlp.beam.CheckAnswerLength;
import org.transcriptnlp.beam.Failure;
import org.transcriptnlp.beam.JoinAnnotations;
import org.transcriptnlp.beam.PairAnswers;
import org.transcriptnlp.beam.ParseTurns;
import org.transcriptnlp.beam.ReadTranscripts;
import org.transcriptnlp.beam.RejectRows;
import org.transcriptnlp.beam.TurnRows;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.nlp.EntityResult;
import org.transcriptnlp.nlp.SentimentResult;
import org.transcriptnlp.tables.Table;

/**
 * The job's graph: read, parse turns, pair answers, spread answers over workers, annotate
 * sentiment and entities in two parallel branches, join per answer, write five tables.
 */
public final class JobGraph {
  private JobGraph() {}

  public static void build(Pipeline p, JobConfig c) {
    List<PCollection<Failure>> failures = new ArrayList<>();

    PCollectionTuple read = p.apply("ReadTranscripts", new ReadTranscripts(c.patterns(), c.maxFileBytes(), c.maxCompressionRatio()));
    failures.add(read.get(ReadTranscripts.FAILURES));

    PCollectionTuple parsed =
        read.get(ReadTranscripts.DOCS).apply("ParseTurns", new ParseTurns(c.questioners(), c.respondents(), c.format()));
    failures.add(parsed.get(ParseTurns.FAILURES));

    PCollectionTuple paired = parsed.get(ParseTurns.PARSED).apply("PairAnswers", new PairAnswers());
    failures.add(paired.get(PairAnswers.FAILURES));

    // Answers of one file arrive in one bundle; spreading them lets every core annotate. A bounded
    // number of buckets (JobConfig.buckets): one random key per answer costs the Direct Runner a
    // timer and a bundle each.
    PCollection<AnswerUnit> answers =
        paired
            .get(PairAnswers.ANSWERS)
            .apply("SpreadAnswers", Reshuffle.<AnswerUnit>viaRandomKey().withNumBuckets(c.buckets()));

    // Every answer goes to the join (and the answers table); only those short enough are annotated.
    PCollection<AnswerUnit> toAnnotate = answers;
    if (c.annotators().any()) {
      PCollectionTuple checked = answers.apply("CheckAnswerLength", new CheckAnswerLength(c.annotators().maxAnswerChars()));
      failures.add(checked.get(CheckAnswerLength.FAILURES));
      toAnnotate = checked.get(CheckAnswerLength.ANNOTATE);
    }

    PCollection<KV<String, SentimentResult>> sentiment = null;
    if (c.annotators().sentiment()) {
      AnnotateSentiment annotate = new AnnotateSentiment(c.annotators());
      PCollectionTuple out = toAnnotate.apply("AnnotateSentiment", annotate);
      sentiment = out.get(annotate.results);
      failures.add(out.get(annotate.failures));
    }
    PCollection<KV<String, EntityResult>> entities = null;
    if (c.annotators().entities()) {
      AnnotateEntities annotate = new AnnotateEntities(c.annotators());
      PCollectionTuple out = toAnnotate.apply("AnnotateEntities", annotate);
      entities = out.get(annotate.results);
      failures.add(out.get(annotate.failures));
    }

    PCollectionTuple rows = answers.apply("JoinAnnotations", new JoinAnnotations(sentiment, entities, c.buckets()));
    PCollection<GenericRecord> turnRows = parsed.get(ParseTurns.PARSED).apply("TurnRows", new TurnRows());
    PCollection<GenericRecord> rejectRows = PCollectionList.of(failures).apply("RejectRows", new RejectRows());

    int shards = c.shardsPerTable();
    rows.get(JoinAnnotations.ANSWER_ROWS).apply("WriteAnswers", new WriteTable(Table.ANSWERS, c.output(), shards));
    rows.get(JoinAnnotations.SENTENCE_ROWS).apply("WriteSentences", new WriteTable(Table.SENTENCES, c.output(), shards));
    rows.get(JoinAnnotations.ENTITY_ROWS).apply("WriteEntities", new WriteTable(Table.ENTITIES, c.output(), shards));
    turnRows.apply("WriteTurns", new WriteTable(Table.TURNS, c.output(), shards));
    rejectRows.apply("WriteRejects", new WriteTable(Table.REJECTS, c.output(), shards));
  }
}

package org.transcriptnlp.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.transcriptnlp.beam.Annotate;
import org.transcriptnlp.beam.PairAnswers;
import org.transcriptnlp.beam.ParseTurns;
import org.transcriptnlp.beam.ReadTranscripts;
import org.transcriptnlp.beam.WriteTables;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.runs.RunId;
import org.transcriptnlp.tables.Table;

/**
 * The job's graph, one named step per stage:
 *
 * <pre>
 * ReadTranscripts   match, read, decode, detect the format
 *  -&gt; ParseTurns    speakers, turns, roles
 *  -&gt; PairAnswers   question -&gt; answers
 *  -&gt; SpreadAnswers every core annotates
 *  -&gt; Annotate      length check, then sentiment, then entities; the long answers unannotated
 *  -&gt; WriteTables   rows of answers, sentences, entities (annotated answers), turns (parsed
 *                    transcripts), rejects (CollectFailures: the failures of every stage); each
 *                    table's data files
 * </pre>
 */
public final class JobGraph {
  private JobGraph() {}

  /**
   * @param files the files to process (matched and chosen by the driver: {@link
   *     org.transcriptnlp.pipeline.runs.RunPlan})
   * @param run the run: its id is in every row and file name
   * @param folders where each table's new data files go ({@link
   *     org.transcriptnlp.pipeline.runs.Warehouse#runFolder}), for the driver to commit
   * @param schemas each table's Iceberg schema as JSON: the data files carry its field ids
   * @param staging the run's staging folder: each bundle's rows are staged there before a table's
   *     files are written (see {@link org.transcriptnlp.beam.WriteTable})
   */
  public static void build(
      Pipeline p,
      JobConfig c,
      List<MatchResult.Metadata> files,
      RunId run,
      Map<Table, String> folders,
      Map<Table, String> schemas,
      String staging) {
    PCollectionTuple read =
        p.apply(
            "ReadTranscripts",
            ReadTranscripts.files(files, c.maxFileBytes(), c.maxCompressionRatio(), c.format()));
    PCollectionTuple parsed =
        read.get(ReadTranscripts.DOCS)
            .apply("ParseTurns", new ParseTurns(c.questioners(), c.respondents()));
    PCollectionTuple paired = parsed.get(ParseTurns.PARSED).apply("PairAnswers", new PairAnswers());

    // Answers of one file arrive in one bundle; spreading them lets every core annotate. A bounded
    // number of buckets (JobConfig.buckets): one random key per answer costs the Direct Runner a
    // timer and a bundle each.
    PCollection<AnswerUnit> answers =
        paired
            .get(PairAnswers.ANSWERS)
            .apply(
                "SpreadAnswers", Reshuffle.<AnswerUnit>viaRandomKey().withNumBuckets(c.buckets()));

    // Every answer comes out once, annotated or not (over --maxAnswerChars, or annotators off).
    PCollectionTuple annotated = answers.apply("Annotate", new Annotate(c.annotators()));

    PCollection<Failure> failures =
        PCollectionList.of(read.get(ReadTranscripts.FAILURES))
            .and(parsed.get(ParseTurns.FAILURES))
            .and(paired.get(PairAnswers.FAILURES))
            .and(annotated.get(Annotate.FAILURES))
            .apply("CollectFailures", Flatten.pCollections())
            .setCoder(SerializableCoder.of(Failure.class));

    WriteTables.of(annotated.get(Annotate.ANSWERS), parsed.get(ParseTurns.PARSED), failures)
        .apply(
            "WriteTables",
            new WriteTables(folders, schemas, run.value(), staging, c.targetFileBytes()));
  }
}

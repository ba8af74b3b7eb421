package org.transcriptnlp.beam;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.ParsedDoc;

/**
 * Pairs each question with its answers ({@link Extraction#pair}) and emits one {@link AnswerUnit}
 * each.
 */
public class PairAnswers extends PTransform<PCollection<ParsedDoc>, PCollectionTuple> {
  public static final TupleTag<AnswerUnit> ANSWERS = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<ParsedDoc> parsed) {
    PCollectionTuple out =
        parsed.apply(
            "PairEach", ParDo.of(new PairFn()).withOutputTags(ANSWERS, TupleTagList.of(FAILURES)));
    out.get(ANSWERS).setCoder(SerializableCoder.of(AnswerUnit.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static class PairFn extends DoFn<ParsedDoc, AnswerUnit> {
    private final Counter answers = Metric.counter(Metric.ANSWERS);

    private transient Extraction extraction;

    @Setup
    public void setup() {
      extraction = new Extraction();
    }

    @ProcessElement
    public void process(@Element ParsedDoc p, MultiOutputReceiver out) {
      try {
        for (AnswerUnit answer : extraction.pair(p)) {
          answers.inc();
          out.get(ANSWERS).output(answer);
        }
      } catch (Extraction.Rejected e) {
        out.get(FAILURES).output(e.failure());
      }
    }
  }
}

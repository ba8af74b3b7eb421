package org.transcriptnlp.beam;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.parse.QaPairer;

/** Pairs each question with its answers ({@link QaPairer}) and emits one {@link AnswerUnit} each. */
public class PairAnswers extends PTransform<PCollection<ParsedDoc>, PCollectionTuple> {
  public static final TupleTag<AnswerUnit> ANSWERS = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<ParsedDoc> parsed) {
    PCollectionTuple out =
        parsed.apply("PairEach", ParDo.of(new PairFn()).withOutputTags(ANSWERS, TupleTagList.of(FAILURES)));
    out.get(ANSWERS).setCoder(SerializableCoder.of(AnswerUnit.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static class PairFn extends DoFn<ParsedDoc, AnswerUnit> {
    private final Counter answers = Metric.counter(Metric.ANSWERS);

    @ProcessElement
    public void process(@Element ParsedDoc p, MultiOutputReceiver out) {
      TranscriptDoc doc = p.doc();
      List<QaPair> pairs;
      try {
        pairs = QaPairer.pair(p.parsed().turns());
      } catch (RuntimeException e) {
        out.get(FAILURES).output(Failure.of(doc.sourcePath(), "pair", "pairing_error", e, null, null));
        return;
      }
      for (QaPair pair : pairs) {
        answers.inc();
        out.get(ANSWERS)
            .output(
                new AnswerUnit(
                    AnswerUnit.answerId(doc.transcriptId(), pair.answerIndex()),
                    doc.transcriptId(),
                    doc.sourcePath(),
                    pair.answerIndex(),
                    pair.question().index(),
                    pair.answer().index(),
                    pair.question().speaker(),
                    pair.question().text(),
                    pair.answer().speaker(),
                    pair.answer().text(),
                    pair.speakerInferred()));
      }
    }
  }
}

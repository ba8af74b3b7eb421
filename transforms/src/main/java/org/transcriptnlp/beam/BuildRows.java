package org.transcriptnlp.beam;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;

/**
 * Turns each answer, with what the annotators found, into its rows of the {@code answers}, {@code
 * sentences} and {@code entities} tables. Either result may be absent: its annotator is off, failed
 * on this answer, or the answer was too long to annotate; the answer's row then has nulls in those
 * columns (and the failure is in {@code rejects}).
 *
 * <p>The annotators run one after the other on each answer, each passing the answer on with its
 * result, so no join is needed here. The job used to annotate in two branches and join them with a
 * CoGroupByKey; on the Direct Runner that join copied its growing per-key state at every bundle,
 * and its cost grew with the square of the number of answers (100 transcripts: over ten minutes
 * after the last answer was annotated).
 */
public class BuildRows extends PTransform<PCollection<AnnotatedAnswer>, PCollectionTuple> {
  public static final TupleTag<GenericRecord> ANSWER_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> SENTENCE_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> ENTITY_ROWS = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<AnnotatedAnswer> answers) {
    PCollectionTuple rows =
        answers.apply(
            "ToRows",
            ParDo.of(new ToRowsFn())
                .withOutputTags(ANSWER_ROWS, TupleTagList.of(SENTENCE_ROWS).and(ENTITY_ROWS)));
    rows.get(ANSWER_ROWS).setCoder(AvroCoder.of(Table.ANSWERS.schema()));
    rows.get(SENTENCE_ROWS).setCoder(AvroCoder.of(Table.SENTENCES.schema()));
    rows.get(ENTITY_ROWS).setCoder(AvroCoder.of(Table.ENTITIES.schema()));
    return rows;
  }

  static class ToRowsFn extends DoFn<AnnotatedAnswer, GenericRecord> {
    private transient Schema answers;
    private transient Schema sentences;
    private transient Schema entityMentions;

    @Setup
    public void setup() {
      answers = Table.ANSWERS.schema();
      sentences = Table.SENTENCES.schema();
      entityMentions = Table.ENTITIES.schema();
    }

    @ProcessElement
    public void process(@Element AnnotatedAnswer a, MultiOutputReceiver out) {
      out.get(ANSWER_ROWS).output(Rows.answer(answers, a.answer(), a.sentiment(), a.entities()));
      if (a.sentiment() != null) {
        for (SentenceSentiment sentence : a.sentiment().sentences()) {
          out.get(SENTENCE_ROWS).output(Rows.sentence(sentences, a.answer(), sentence));
        }
      }
      if (a.entities() != null) {
        int i = 0;
        for (EntityMention m : a.entities().mentions()) {
          out.get(ENTITY_ROWS).output(Rows.entity(entityMentions, a.answer(), i++, m));
        }
      }
    }
  }
}

package org.transcriptnlp.beam;

import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.transcriptnlp.nlp.EntityMention;
import org.transcriptnlp.nlp.EntityResult;
import org.transcriptnlp.nlp.SentenceSentiment;
import org.transcriptnlp.nlp.SentimentResult;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;

/**
 * Joins each answer with its sentiment and entity results (CoGroupByKey on the answer key) into
 * the rows of the {@code answers}, {@code sentences} and {@code entities} tables. Either result
 * may be absent: its annotator did not run, or failed on this answer (then the answer's row has
 * nulls in those columns and the failure is in {@code rejects}).
 */
public class JoinAnnotations extends PTransform<PCollection<AnswerUnit>, PCollectionTuple> {
  public static final TupleTag<GenericRecord> ANSWER_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> SENTENCE_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> ENTITY_ROWS = new TupleTag<>() {};

  private static final TupleTag<AnswerUnit> ANSWER = new TupleTag<>() {};
  private static final TupleTag<SentimentResult> SENTIMENT = new TupleTag<>() {};
  private static final TupleTag<EntityResult> ENTITIES = new TupleTag<>() {};

  private final PCollection<KV<String, SentimentResult>> sentiment;
  private final PCollection<KV<String, EntityResult>> entities;

  /** Either collection may be null when that annotator is off. */
  public JoinAnnotations(
      PCollection<KV<String, SentimentResult>> sentiment, PCollection<KV<String, EntityResult>> entities) {
    this.sentiment = sentiment;
    this.entities = entities;
  }

  @Override
  public PCollectionTuple expand(PCollection<AnswerUnit> answers) {
    PCollection<KV<String, AnswerUnit>> keyed =
        answers.apply(
            "KeyByAnswer",
            WithKeys.of((AnswerUnit a) -> a.key()).withKeyType(TypeDescriptor.of(String.class)));
    KeyedPCollectionTuple<String> tuple = KeyedPCollectionTuple.of(ANSWER, keyed);
    if (sentiment != null) {
      tuple = tuple.and(SENTIMENT, sentiment);
    }
    if (entities != null) {
      tuple = tuple.and(ENTITIES, entities);
    }
    PCollectionTuple rows =
        tuple
            .apply("GroupByAnswer", CoGroupByKey.create())
            .apply(
                "ToRows",
                ParDo.of(new ToRowsFn(sentiment != null, entities != null))
                    .withOutputTags(ANSWER_ROWS, TupleTagList.of(SENTENCE_ROWS).and(ENTITY_ROWS)));
    rows.get(ANSWER_ROWS).setCoder(AvroCoder.of(Table.ANSWERS.schema()));
    rows.get(SENTENCE_ROWS).setCoder(AvroCoder.of(Table.SENTENCES.schema()));
    rows.get(ENTITY_ROWS).setCoder(AvroCoder.of(Table.ENTITIES.schema()));
    return rows;
  }

  static class ToRowsFn extends DoFn<KV<String, CoGbkResult>, GenericRecord> {
    private final boolean withSentiment;
    private final boolean withEntities;
    private transient Schema answers;
    private transient Schema sentences;
    private transient Schema entityMentions;

    ToRowsFn(boolean withSentiment, boolean withEntities) {
      this.withSentiment = withSentiment;
      this.withEntities = withEntities;
    }

    @Setup
    public void setup() {
      answers = Table.ANSWERS.schema();
      sentences = Table.SENTENCES.schema();
      entityMentions = Table.ENTITIES.schema();
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      CoGbkResult r = joined.getValue();
      AnswerUnit answer = first(r.getAll(ANSWER).iterator());
      if (answer == null) {
        throw new IllegalStateException("annotation results without an answer for key " + joined.getKey());
      }
      SentimentResult s = withSentiment ? first(r.getAll(SENTIMENT).iterator()) : null;
      EntityResult e = withEntities ? first(r.getAll(ENTITIES).iterator()) : null;
      out.get(ANSWER_ROWS).output(Rows.answer(answers, answer, s, e));
      if (s != null) {
        for (SentenceSentiment sentence : s.sentences()) {
          out.get(SENTENCE_ROWS).output(Rows.sentence(sentences, answer, sentence));
        }
      }
      if (e != null) {
        int i = 0;
        for (EntityMention m : e.mentions()) {
          out.get(ENTITY_ROWS).output(Rows.entity(entityMentions, answer, i++, m));
        }
      }
    }

    private static <T> T first(Iterator<T> it) {
      return it.hasNext() ? it.next() : null;
    }
  }
}

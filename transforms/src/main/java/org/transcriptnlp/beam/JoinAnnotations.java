package org.transcriptnlp.beam;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
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
import org.apache.beam.sdk.values.TypeDescriptors;
import org.transcriptnlp.nlp.EntityMention;
import org.transcriptnlp.nlp.EntityResult;
import org.transcriptnlp.nlp.SentenceSentiment;
import org.transcriptnlp.nlp.SentimentResult;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;

/**
 * Joins each answer with its sentiment and entity results into the rows of the {@code answers},
 * {@code sentences} and {@code entities} tables. Either result may be absent: its annotator did not
 * run, or failed on this answer (then the answer's row has nulls in those columns and the failure is
 * in {@code rejects}).
 *
 * <p>The join groups on a bucket of the answer key (a fixed number of buckets), then matches answers
 * and results by key inside each bucket. Grouping on the answer key itself made one group per
 * answer; the Direct Runner's cost per group (a timer and a bundle each) made a 50 MB transcript take
 * over half an hour. With buckets the number of groups is bounded whatever the input.
 */
public class JoinAnnotations extends PTransform<PCollection<AnswerUnit>, PCollectionTuple> {
  public static final TupleTag<GenericRecord> ANSWER_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> SENTENCE_ROWS = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> ENTITY_ROWS = new TupleTag<>() {};

  private static final TupleTag<KV<String, AnswerUnit>> ANSWER = new TupleTag<>() {};
  private static final TupleTag<KV<String, SentimentResult>> SENTIMENT = new TupleTag<>() {};
  private static final TupleTag<KV<String, EntityResult>> ENTITIES = new TupleTag<>() {};

  /** Groups in the join unless told otherwise; enough to keep a cluster's workers busy. */
  public static final int DEFAULT_BUCKETS = 128;

  private final PCollection<KV<String, SentimentResult>> sentiment;
  private final PCollection<KV<String, EntityResult>> entities;
  private final int buckets;

  /** Either collection may be null when that annotator is off. */
  public JoinAnnotations(
      PCollection<KV<String, SentimentResult>> sentiment, PCollection<KV<String, EntityResult>> entities) {
    this(sentiment, entities, DEFAULT_BUCKETS);
  }

  /** @param buckets how many groups the join makes (at least 1) */
  public JoinAnnotations(
      PCollection<KV<String, SentimentResult>> sentiment,
      PCollection<KV<String, EntityResult>> entities,
      int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
    }
    this.sentiment = sentiment;
    this.entities = entities;
    this.buckets = buckets;
  }

  /** The bucket of an answer key: stable across JVMs (String.hashCode is specified). */
  static int bucket(String key, int buckets) {
    return Math.floorMod(key.hashCode(), buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<AnswerUnit> answers) {
    PCollection<KV<String, AnswerUnit>> byKey =
        answers.apply("KeyByAnswer", WithKeys.of((AnswerUnit a) -> a.key()).withKeyType(TypeDescriptors.strings()));
    byKey.setCoder(KvCoder.of(StringUtf8Coder.of(), answers.getCoder()));
    KeyedPCollectionTuple<Integer> tuple = KeyedPCollectionTuple.of(ANSWER, bucketed("BucketAnswers", byKey));
    if (sentiment != null) {
      tuple = tuple.and(SENTIMENT, bucketed("BucketSentiment", sentiment));
    }
    if (entities != null) {
      tuple = tuple.and(ENTITIES, bucketed("BucketEntities", entities));
    }
    PCollectionTuple rows =
        tuple
            .apply("GroupByBucket", CoGroupByKey.create())
            .apply(
                "ToRows",
                ParDo.of(new ToRowsFn(sentiment != null, entities != null))
                    .withOutputTags(ANSWER_ROWS, TupleTagList.of(SENTENCE_ROWS).and(ENTITY_ROWS)));
    rows.get(ANSWER_ROWS).setCoder(AvroCoder.of(Table.ANSWERS.schema()));
    rows.get(SENTENCE_ROWS).setCoder(AvroCoder.of(Table.SENTENCES.schema()));
    rows.get(ENTITY_ROWS).setCoder(AvroCoder.of(Table.ENTITIES.schema()));
    return rows;
  }

  private <T> PCollection<KV<Integer, KV<String, T>>> bucketed(String name, PCollection<KV<String, T>> results) {
    PCollection<KV<Integer, KV<String, T>>> out = results.apply(name, ParDo.of(new BucketFn<T>(buckets)));
    out.setCoder(KvCoder.of(VarIntCoder.of(), results.getCoder()));
    return out;
  }

  /** Keys an element by the bucket of its answer key, keeping the answer key beside it. */
  static class BucketFn<T> extends DoFn<KV<String, T>, KV<Integer, KV<String, T>>> {
    private final int buckets;

    BucketFn(int buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element KV<String, T> e, OutputReceiver<KV<Integer, KV<String, T>>> out) {
      out.output(KV.of(bucket(e.getKey(), buckets), e));
    }
  }

  static class ToRowsFn extends DoFn<KV<Integer, CoGbkResult>, GenericRecord> {
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
    public void process(@Element KV<Integer, CoGbkResult> joined, MultiOutputReceiver out) {
      CoGbkResult r = joined.getValue();
      Map<String, SentimentResult> sentimentByKey = withSentiment ? byKey(r.getAll(SENTIMENT)) : Map.of();
      Map<String, EntityResult> entitiesByKey = withEntities ? byKey(r.getAll(ENTITIES)) : Map.of();
      Set<String> answered = new HashSet<>();
      for (KV<String, AnswerUnit> a : r.getAll(ANSWER)) {
        if (!answered.add(a.getKey())) {
          throw new IllegalStateException("two answers with the key " + a.getKey());
        }
        emit(a.getValue(), sentimentByKey.get(a.getKey()), entitiesByKey.get(a.getKey()), out);
      }
      for (String key : union(sentimentByKey.keySet(), entitiesByKey.keySet())) {
        if (!answered.contains(key)) {
          throw new IllegalStateException("annotation results without an answer for key " + key);
        }
      }
    }

    private void emit(AnswerUnit answer, SentimentResult s, EntityResult e, MultiOutputReceiver out) {
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

    private static <T> Map<String, T> byKey(Iterable<KV<String, T>> results) {
      Map<String, T> map = new HashMap<>();
      for (KV<String, T> kv : results) {
        if (map.put(kv.getKey(), kv.getValue()) != null) {
          throw new IllegalStateException("two annotation results for the key " + kv.getKey());
        }
      }
      return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> all = new HashSet<>(a);
      all.addAll(b);
      return all;
    }
  }
}

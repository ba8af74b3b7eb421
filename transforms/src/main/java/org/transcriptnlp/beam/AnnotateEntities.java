package org.transcriptnlp.beam;

import org.apache.beam.sdk.metrics.Counter;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.EntityAnnotator;
import org.transcriptnlp.nlp.EntityResult;
import org.transcriptnlp.nlp.TextAnnotator;

/** Named-entity mentions of every answer (CoreNLP tokenize, ssplit, pos, lemma, ner). */
public class AnnotateEntities extends AnnotateAnswers<EntityResult> {
  private final Counter answers = Metric.counter(Metric.ENTITY_ANSWERS);
  private final Counter entities = Metric.counter(Metric.ENTITIES);

  public AnnotateEntities(AnnotatorSettings settings) {
    super(settings);
  }

  @Override
  protected TextAnnotator<EntityResult> annotator(AnnotatorSettings settings) {
    return new EntityAnnotator(settings);
  }

  @Override
  protected AnnotatedAnswer attach(AnnotatedAnswer answer, EntityResult result) {
    return answer.withEntities(result);
  }

  @Override
  protected void count(EntityResult result) {
    answers.inc();
    entities.inc(result.mentions().size());
  }

  @Override
  protected String timingMetric() {
    return Metric.ENTITY_MILLIS;
  }

  @Override
  protected String failureReason() {
    return "entities_failed";
  }
}

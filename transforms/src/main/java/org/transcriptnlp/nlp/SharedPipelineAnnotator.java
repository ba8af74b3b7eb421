package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;

/** An annotator over the JVM-wide shared CoreNLP pipeline of its configuration ({@link CoreNlpHolder}). */
abstract class SharedPipelineAnnotator<R> implements TextAnnotator<R> {
  private final StanfordCoreNLP pipeline;

  SharedPipelineAnnotator(Properties properties) {
    this.pipeline = CoreNlpHolder.get(properties);
  }

  /** Runs the pipeline over the text; returns the document and its sentences (never null). */
  protected final Annotated run(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    return new Annotated(doc, sentences == null ? List.of() : sentences);
  }

  /** A document annotated by the pipeline. */
  protected record Annotated(Annotation doc, List<CoreMap> sentences) {}
}

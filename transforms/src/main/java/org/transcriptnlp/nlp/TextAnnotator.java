package org.transcriptnlp.nlp;

/**
 * Annotates one text; implementations share their CoreNLP pipeline JVM-wide and are thread-safe.
 */
public interface TextAnnotator<R> {
  R annotate(String text);
}

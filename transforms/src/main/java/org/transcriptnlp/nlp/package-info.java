/**
 * The CoreNLP annotators: sentence-level sentiment ({@link SentimentAnnotator}) and named entities
 * ({@link EntityAnnotator}) behind {@link TextAnnotator}, their settings ({@link
 * AnnotatorSettings}), the bounds on what CoreNLP sees of a text ({@link InputBounds}), UTF-16 to
 * code-point offsets and {@link CoreNlpHolder}, one shared CoreNLP pipeline per configuration per
 * JVM. The only package of the job that uses CoreNLP; it may depend on model, not on Beam or the
 * other packages of the project.
 */
package org.transcriptnlp.nlp;

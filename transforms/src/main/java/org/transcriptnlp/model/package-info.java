/**
 * The records that travel between the steps: a transcript read in its format ({@link
 * TranscriptDoc}, its paragraphs as {@link Block}s), its speaker turns ({@link Turn}, {@link
 * ParsedTranscript}, {@link ParsedDoc}), question and answer pairs ({@link QaPair}, {@link
 * AnswerUnit}), what the annotators found (sentiment and entity results, {@link AnnotatedAnswer}),
 * the failures bound for the rejects table ({@link Failure}) and the ids that join the tables
 * ({@link Ids}). Plain serializable Java: it depends on no other package of the project and on no
 * library (no Beam, CoreNLP, Iceberg, Parquet or Hadoop).
 */
package org.transcriptnlp.model;

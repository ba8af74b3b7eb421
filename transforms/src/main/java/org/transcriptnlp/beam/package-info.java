/**
 * The job's Beam composites, in the order of the graph: {@link ReadTranscripts} (match and read
 * files), {@link ParseTurns} and {@link PairAnswers} (one step of {@link
 * org.transcriptnlp.extract.Extraction} each), {@link Annotate} (the answer-length check, then
 * {@link AnnotateAnswers} once per annotator, specialised by a serializable {@link AnswerAnnotator}
 * strategy: sentiment, entities) and {@link WriteTables} (the rows of each table by {@link
 * BuildRows}, {@link TurnRows} and {@link RejectRows}, each table's data files by {@link
 * WriteTable} for the driver to commit); and the job's metrics ({@link Metric}). Every step sends
 * what it cannot use to a failure output that ends in {@code rejects}. It may depend on extract
 * (and formats, parse), nlp, tables, io and model; not on quality or the pipeline module.
 */
package org.transcriptnlp.beam;

/**
 * The job's Beam transforms: reading files ({@link ReadTranscripts}), parsing turns and pairing
 * answers (one step of {@link org.transcriptnlp.extract.Extraction} each), the answer-length check,
 * the sentiment and entity annotation ({@link AnnotateAnswers} over the nlp annotators), the rows
 * of the tables, writing a table's data files for the driver to commit ({@link WriteTable}) and the
 * job's metrics ({@link Metric}). It may depend on extract (and formats, parse), nlp, tables, io
 * and model; not on quality or the pipeline module.
 */
package org.transcriptnlp.beam;

/**
 * The format readers, each from a transcript file to its paragraphs ({@link
 * org.transcriptnlp.model.Block}s): plain text and Markdown, HTML (jsoup), JSON (Jackson), XML (the
 * JDK's parser), WebVTT and SRT captions, CSV and TSV (Commons CSV), line-numbered court
 * transcripts, Word (Apache POI) and PDF (PDFBox). {@link TranscriptFiles} is the one way from a
 * file's bytes to its paragraphs; {@link Format} lists the formats. It may depend on parse and
 * model; not on Beam or CoreNLP.
 */
package org.transcriptnlp.formats;

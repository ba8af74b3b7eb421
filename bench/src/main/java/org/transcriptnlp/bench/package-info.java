/**
 * The benchmarks, in a module of their own so that they stay out of the job's jar: {@code Bench}
 * runs the job end to end against plain CoreNLP over the same answer texts at several archive sizes
 * and prints a table; {@code Archive} builds those archives from the real transcripts (their
 * answers found by {@code extract.Extraction}, as the job finds them); {@code Labels} compares two
 * runs' per-sentence sentiment labels. It sits on top of everything: it uses {@code pipeline} (the
 * job as a library) and {@code nlp}, and nothing uses it.
 */
package org.transcriptnlp.bench;

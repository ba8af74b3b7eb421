/**
 * {@link Extraction}, the one chain from a file's bytes to its answers: read in its format, split
 * into speaker turns, questions paired with answers. The job's DoFns (beam) run one step each;
 * {@code --explain}, the bench and the gold scoring (quality) call the same methods. It may depend
 * on formats, parse and model; not on Beam or CoreNLP.
 */
package org.transcriptnlp.extract;

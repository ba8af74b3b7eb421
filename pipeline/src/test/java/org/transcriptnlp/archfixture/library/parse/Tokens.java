package org.transcriptnlp.archfixture.library.parse;

import edu.stanford.nlp.ling.CoreLabel;
import org.apache.beam.sdk.values.KV;

/** A parse class that uses CoreNLP and Beam. */
public final class Tokens {
  public KV<String, CoreLabel> first(CoreLabel label) {
    return KV.of(label.word(), label);
  }
}

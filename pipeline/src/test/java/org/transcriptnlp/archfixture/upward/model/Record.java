package org.transcriptnlp.archfixture.upward.model;

import org.transcriptnlp.archfixture.upward.parse.Parser;

/** A model class that imports parse, a layer above it. */
public final class Record {
  public String text(String raw) {
    return Parser.parse(raw);
  }
}

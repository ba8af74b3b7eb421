package org.transcriptnlp.archfixture.upward.nlp;

import org.transcriptnlp.archfixture.upward.pipeline.runs.RunLog;

/** An nlp class (transforms) that imports pipeline.runs (the pipeline module). */
public final class Tagger {
  public void tag(String text) {
    RunLog.note(text);
  }
}

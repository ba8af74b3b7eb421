package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/** Sentence-level sentiment of a text with CoreNLP (tokenize, ssplit, pos, parse, sentiment). */
public final class SentimentAnnotator extends SharedPipelineAnnotator<SentimentResult> {

  /** Uses the JVM-wide shared pipeline for these settings. */
  public SentimentAnnotator(AnnotatorSettings settings) {
    super(settings.sentimentProperties());
  }

  @Override
  public SentimentResult annotate(String text) {
    List<SentenceSentiment> out = new ArrayList<>();
    for (CoreMap sentence : run(text).sentences()) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree == null) {
        throw new IllegalStateException(
            "CoreNLP produced no sentiment tree for sentence " + out.size());
      }
      SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
      List<Double> p = new ArrayList<>(SentimentClass.values().length);
      for (int i = 0; i < SentimentClass.values().length; i++) {
        p.add(predictions.get(i));
      }
      int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      out.add(
          new SentenceSentiment(
              out.size(),
              text.substring(begin, end),
              Offsets.toCodePoints(text, begin),
              Offsets.toCodePoints(text, end),
              sentence.get(CoreAnnotations.TokensAnnotation.class).size(),
              SentimentClass.ofIndex(RNNCoreAnnotations.getPredictedClass(tree)),
              p));
    }
    return new SentimentResult(out);
  }
}

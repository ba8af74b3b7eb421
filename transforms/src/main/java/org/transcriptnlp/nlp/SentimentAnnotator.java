package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.model.SentimentClass;
import org.transcriptnlp.model.SentimentResult;

/**
 * Sentence-level sentiment of a text with CoreNLP (tokenize, ssplit, pos, parse, sentiment).
 *
 * <p>The sentence-length guard: the text is first split into sentences; only sentences of at most
 * {@code parseMaxLength} tokens go on to the tagger, parser and sentiment model. A longer one (a
 * run-on transcript "sentence" of thousands of tokens) keeps its row with null sentiment and {@link
 * SentenceSentiment#parsed()} false. Left to CoreNLP, such a sentence gets a flat tree whose
 * binarization overflows the stack (5,000 tokens), failing the whole answer, or a label the model
 * never saw a parse for.
 *
 * <p>The token-length guards ({@link InputBounds}): a run of over {@link InputBounds#maxRunChars()}
 * chars without a space reaches the tokenizer as its two ends, and a token over {@link
 * InputBounds#maxTokenChars()} goes to the tagger, parser and sentiment model as its first that
 * many chars (a 99,999-char token in a short sentence); sentences keep their text and offsets in
 * the original text.
 */
public final class SentimentAnnotator implements TextAnnotator<SentimentResult> {
  private final StanfordCoreNLP split;
  private final StanfordCoreNLP analyse;
  private final int maxTokens;
  private final InputBounds bounds;

  /** Uses the JVM-wide shared pipelines for these settings, within the job's bounds. */
  public SentimentAnnotator(AnnotatorSettings settings) {
    this(settings, InputBounds.DEFAULT);
  }

  /** Uses the JVM-wide shared pipelines for these settings; tokens cut to {@code bounds}. */
  public SentimentAnnotator(AnnotatorSettings settings, InputBounds bounds) {
    this.split = CoreNlpHolder.get(settings.splitProperties());
    this.analyse = CoreNlpHolder.get(settings.sentimentProperties());
    this.maxTokens = settings.parseMaxLength();
    this.bounds = bounds;
  }

  @Override
  public SentimentResult annotate(String text) {
    InputBounds.ForTokenizer bounded = bounds.forTokenizer(text);
    Annotation doc = new Annotation(bounded.text());
    split.annotate(doc);
    List<CoreMap> all = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (all == null || all.isEmpty()) {
      return new SentimentResult(List.of(), 0, bounded.runsBlanked());
    }
    int tokensCut = bounds.cutLongTokens(all);
    List<CoreMap> parseable = all.stream().filter(this::parseable).toList();
    if (!parseable.isEmpty()) {
      doc.set(CoreAnnotations.SentencesAnnotation.class, parseable);
      analyse.annotate(doc);
      doc.set(CoreAnnotations.SentencesAnnotation.class, all);
    }
    List<SentenceSentiment> out = new ArrayList<>(all.size());
    for (CoreMap sentence : all) {
      int index = out.size();
      int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      String sentenceText = text.substring(begin, end);
      int cpBegin = Offsets.toCodePoints(text, begin);
      int cpEnd = Offsets.toCodePoints(text, end);
      if (!parseable(sentence)) {
        out.add(SentenceSentiment.unparsed(index, sentenceText, cpBegin, cpEnd, tokens(sentence)));
        continue;
      }
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree == null) {
        throw new IllegalStateException("CoreNLP produced no sentiment tree for sentence " + index);
      }
      SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
      List<Double> p = new ArrayList<>(SentimentClass.values().length);
      for (int i = 0; i < SentimentClass.values().length; i++) {
        p.add(predictions.get(i));
      }
      out.add(
          new SentenceSentiment(
              index,
              sentenceText,
              cpBegin,
              cpEnd,
              tokens(sentence),
              SentimentClass.ofIndex(RNNCoreAnnotations.getPredictedClass(tree)),
              p));
    }
    return new SentimentResult(out, tokensCut, bounded.runsBlanked());
  }

  private boolean parseable(CoreMap sentence) {
    return tokens(sentence) <= maxTokens;
  }

  private static int tokens(CoreMap sentence) {
    return sentence.get(CoreAnnotations.TokensAnnotation.class).size();
  }
}

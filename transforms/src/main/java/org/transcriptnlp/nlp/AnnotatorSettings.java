package org.transcriptnlp.nlp;

import java.io.Serializable;
import java.util.Properties;

/**
 * The CoreNLP settings of the two annotators, chosen once per job and shipped to the workers.
 *
 * @param sentiment run the sentiment annotator (tokenize, ssplit, pos, parse, sentiment)
 * @param entities run the entity annotator (tokenize, ssplit, pos, lemma, ner)
 * @param parseMaxLength sentences longer than this many tokens are not parsed and get no
 *     sentiment (null, flagged in the sentences table). Guards against the cubic cost of the PCFG
 *     parser on run-on "sentences".
 * @param nerFineGrained CoreNLP {@code ner.applyFineGrained}: COUNTRY, CITY, TITLE, ... instead of
 *     LOCATION, MISC; about five times slower
 * @param nerNumeric CoreNLP {@code ner.applyNumericClassifiers}: DATE, NUMBER, MONEY, PERCENT, ...
 * @param maxAnswerChars answers longer than this are not annotated (rejects: answer_too_long); a
 *     runaway "answer" (a whole unlabelled book) would otherwise hold a worker for hours
 * @param maxAnswerSeconds an annotator that takes longer than this on one answer is interrupted
 *     and the answer rejected (annotation_timeout); 0 for no limit
 */
public record AnnotatorSettings(
    boolean sentiment,
    boolean entities,
    int parseMaxLength,
    boolean nerFineGrained,
    boolean nerNumeric,
    int maxAnswerChars,
    int maxAnswerSeconds)
    implements Serializable {

  public static final int DEFAULT_MAX_ANSWER_CHARS = 100_000;
  public static final int DEFAULT_MAX_ANSWER_SECONDS = 300;

  public AnnotatorSettings(
      boolean sentiment, boolean entities, int parseMaxLength, boolean nerFineGrained, boolean nerNumeric) {
    this(sentiment, entities, parseMaxLength, nerFineGrained, nerNumeric, DEFAULT_MAX_ANSWER_CHARS);
  }

  public AnnotatorSettings(
      boolean sentiment, boolean entities, int parseMaxLength, boolean nerFineGrained, boolean nerNumeric,
      int maxAnswerChars) {
    this(sentiment, entities, parseMaxLength, nerFineGrained, nerNumeric, maxAnswerChars, DEFAULT_MAX_ANSWER_SECONDS);
  }

  /** The same settings with another per-answer time limit. */
  public AnnotatorSettings withMaxAnswerSeconds(int seconds) {
    return new AnnotatorSettings(sentiment, entities, parseMaxLength, nerFineGrained, nerNumeric, maxAnswerChars, seconds);
  }

  public static AnnotatorSettings defaults() {
    return new AnnotatorSettings(true, true, 80, false, true);
  }

  public boolean any() {
    return sentiment || entities;
  }

  private static Properties common() {
    Properties p = new Properties();
    p.setProperty("tokenize.language", "en");
    // A blank line ends a sentence: paragraphs of an answer never share a sentence.
    p.setProperty("ssplit.newlineIsSentenceBreak", "two");
    return p;
  }

  /** Tokenizer and sentence splitter: the first step of the sentiment annotator. */
  public Properties splitProperties() {
    Properties p = common();
    p.setProperty("annotators", "tokenize,ssplit");
    return p;
  }

  /**
   * Tagger, parser and sentiment model over sentences already split by {@link #splitProperties()}
   * (requirements not enforced: the tokens come from the split pipeline).
   */
  public Properties sentimentProperties() {
    Properties p = plainSentimentProperties();
    p.setProperty("annotators", "pos,parse,sentiment");
    p.setProperty("enforceRequirements", "false");
    return p;
  }

  /**
   * The sentiment annotators as one plain StanfordCoreNLP, as a user would configure it (the bench's
   * baseline): the same parser settings, without the sentence-length guard.
   */
  public Properties plainSentimentProperties() {
    Properties p = common();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.maxlen", Integer.toString(parseMaxLength));
    return p;
  }

  public Properties entityProperties() {
    Properties p = common();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("ner.applyFineGrained", Boolean.toString(nerFineGrained));
    p.setProperty("ner.applyNumericClassifiers", Boolean.toString(nerNumeric));
    // SUTime normalises dates; the tables keep only the mention and its type.
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.buildEntityMentions", "true");
    return p;
  }
}

package org.transcriptnlp.nlp;

import java.io.Serializable;
import java.util.Properties;

/**
 * The CoreNLP settings of the two annotators, chosen once per job and shipped to the workers.
 *
 * @param sentiment run the sentiment annotator (tokenize, ssplit, pos, parse, sentiment)
 * @param entities run the entity annotator (tokenize, ssplit, pos, lemma, ner)
 * @param parser the constituency parser whose binarized trees the sentiment model reads
 * @param parseMaxLength sentences longer than this many tokens are not parsed and get no sentiment
 *     (null, flagged in the sentences table). Guards against the cubic cost of the PCFG parser and
 *     the stack depth of deep trees on run-on "sentences".
 * @param nerFineGrained CoreNLP {@code ner.applyFineGrained}: COUNTRY, CITY, TITLE, ... instead of
 *     LOCATION, MISC
 * @param nerNumeric CoreNLP {@code ner.applyNumericClassifiers}: NUMBER, ORDINAL, DURATION (DATE,
 *     MONEY, PERCENT and TIME come from the 7-class model either way)
 * @param nerSutime CoreNLP {@code ner.useSUTime}: SUTime's rules on top of the numeric classifiers,
 *     SET mentions ("every year") and its own DATE, TIME, DURATION spans
 * @param maxAnswerChars answers longer than this are not annotated (rejects: answer_too_long); a
 *     runaway "answer" (a whole unlabelled book) would otherwise hold a worker for hours
 * @param maxAnswerSeconds an annotator that takes longer than this on one answer is interrupted and
 *     the answer rejected (annotation_timeout); 0 for no limit
 */
public record AnnotatorSettings(
    boolean sentiment,
    boolean entities,
    Parser parser,
    int parseMaxLength,
    boolean nerFineGrained,
    boolean nerNumeric,
    boolean nerSutime,
    int maxAnswerChars,
    int maxAnswerSeconds)
    implements Serializable {

  public static final int DEFAULT_MAX_ANSWER_CHARS = 100_000;
  public static final int DEFAULT_MAX_ANSWER_SECONDS = 300;

  /** The parser behind sentiment. */
  public enum Parser {
    /**
     * Shift-reduce (englishSR.ser.gz): linear in sentence length, about ten times the PCFG's speed.
     */
    SR("edu/stanford/nlp/models/srparser/englishSR.ser.gz"),
    /** CoreNLP's default PCFG (englishPCFG.ser.gz): cubic in sentence length. */
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");

    private final String model;

    Parser(String model) {
      this.model = model;
    }

    /** The model's path on the classpath ({@code parse.model}). */
    public String model() {
      return model;
    }

    /** {@code sr} or {@code pcfg}, as the option takes it. */
    public static Parser parse(String name) {
      for (Parser p : values()) {
        if (p.name().equalsIgnoreCase(name.trim())) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown parser '" + name + "': use sr or pcfg");
    }
  }

  /** The same settings with another per-answer time limit. */
  public AnnotatorSettings withMaxAnswerSeconds(int seconds) {
    return new AnnotatorSettings(
        sentiment,
        entities,
        parser,
        parseMaxLength,
        nerFineGrained,
        nerNumeric,
        nerSutime,
        maxAnswerChars,
        seconds);
  }

  /** The same settings with another parser. */
  public AnnotatorSettings withParser(Parser other) {
    return new AnnotatorSettings(
        sentiment,
        entities,
        other,
        parseMaxLength,
        nerFineGrained,
        nerNumeric,
        nerSutime,
        maxAnswerChars,
        maxAnswerSeconds);
  }

  /** The same settings with only these annotators. */
  public AnnotatorSettings withAnnotators(boolean withSentiment, boolean withEntities) {
    return new AnnotatorSettings(
        withSentiment,
        withEntities,
        parser,
        parseMaxLength,
        nerFineGrained,
        nerNumeric,
        nerSutime,
        maxAnswerChars,
        maxAnswerSeconds);
  }

  /** The same settings with another parse length limit. */
  public AnnotatorSettings withParseMaxLength(int tokens) {
    return new AnnotatorSettings(
        sentiment,
        entities,
        parser,
        tokens,
        nerFineGrained,
        nerNumeric,
        nerSutime,
        maxAnswerChars,
        maxAnswerSeconds);
  }

  /** The same settings with other NER switches. */
  public AnnotatorSettings withNer(boolean fineGrained, boolean numeric, boolean sutime) {
    return new AnnotatorSettings(
        sentiment,
        entities,
        parser,
        parseMaxLength,
        fineGrained,
        numeric,
        sutime,
        maxAnswerChars,
        maxAnswerSeconds);
  }

  /** The job's defaults (the option defaults of TranscriptNlpOptions). */
  public static AnnotatorSettings defaults() {
    return new AnnotatorSettings(
        true,
        true,
        Parser.SR,
        80,
        false,
        true,
        false,
        DEFAULT_MAX_ANSWER_CHARS,
        DEFAULT_MAX_ANSWER_SECONDS);
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

  /** Tokenizer and sentence splitter: the first step of both annotators (one shared pipeline). */
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
   * The sentiment annotators as one plain StanfordCoreNLP, as a user would configure it (the
   * bench's baseline): the same parser settings, with CoreNLP's own {@code parse.maxlen} (a flat
   * tree for longer sentences) instead of the job's guard (no sentiment for them).
   */
  public Properties plainSentimentProperties() {
    Properties p = common();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("parse.model", parser.model());
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.maxlen", Integer.toString(parseMaxLength));
    return p;
  }

  /**
   * Tagger, lemmatizer and NER over sentences already split by {@link #splitProperties()} and
   * bounded by {@link InputBounds} (requirements not enforced: the tokens come from the split
   * pipeline).
   */
  public Properties nerProperties() {
    Properties p = entityProperties();
    p.setProperty("annotators", "pos,lemma,ner");
    p.setProperty("enforceRequirements", "false");
    return p;
  }

  /**
   * The entity annotators as one plain StanfordCoreNLP, as a user would configure it (the bench's
   * baseline): the NER settings of {@link #nerProperties()}, tokenizing itself, without the job's
   * {@link InputBounds}.
   */
  public Properties entityProperties() {
    Properties p = common();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("ner.applyFineGrained", Boolean.toString(nerFineGrained));
    p.setProperty("ner.applyNumericClassifiers", Boolean.toString(nerNumeric));
    p.setProperty("ner.useSUTime", Boolean.toString(nerSutime));
    p.setProperty("ner.buildEntityMentions", "true");
    return p;
  }
}

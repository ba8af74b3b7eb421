package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;

/**
 * Named-entity mentions of a text with CoreNLP (tokenize, ssplit, then pos, lemma, ner).
 *
 * <p>The text is tokenized and split first (over-long runs without a space blanked but for their
 * ends); the tagger and NER then get it within the {@link InputBounds}: over-long tokens cut,
 * over-long sentences in windows. A mention keeps the index of the sentence it is in, whatever
 * window it was found in, and its offsets in the original text.
 *
 * <p>CoreNLP's entity mentions also hold pronouns ("he", "his", "she", "her") as PERSON mentions,
 * for its relation extractor: their tokens have no NER tag of their own ("O"). They are not named
 * entities, and are left out.
 */
public final class EntityAnnotator implements TextAnnotator<EntityResult> {
  private final StanfordCoreNLP split;
  private final StanfordCoreNLP tag;
  private final InputBounds bounds;

  /** Uses the JVM-wide shared pipelines for these settings, within the job's bounds. */
  public EntityAnnotator(AnnotatorSettings settings) {
    this(settings, InputBounds.DEFAULT);
  }

  /** Uses the JVM-wide shared pipelines for these settings, within these bounds. */
  public EntityAnnotator(AnnotatorSettings settings, InputBounds bounds) {
    this.split = CoreNlpHolder.get(settings.splitProperties());
    this.tag = CoreNlpHolder.get(settings.nerProperties());
    this.bounds = bounds;
  }

  @Override
  public EntityResult annotate(String text) {
    InputBounds.ForTokenizer bounded = bounds.forTokenizer(text);
    Annotation doc = new Annotation(bounded.text());
    split.annotate(doc);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (sentences == null || sentences.isEmpty()) {
      return new EntityResult(List.of(), 0, 0, 0, 0, bounded.runsBlanked());
    }
    int tokensCut = bounds.cutLongTokens(sentences);
    InputBounds.Windows windows = bounds.nerWindows(sentences);
    doc.set(CoreAnnotations.SentencesAnnotation.class, windows.windows());
    tag.annotate(doc);
    doc.set(CoreAnnotations.SentencesAnnotation.class, sentences);
    int tokenCount = 0;
    for (CoreMap s : sentences) {
      tokenCount += s.get(CoreAnnotations.TokensAnnotation.class).size();
    }
    List<EntityMention> mentions = new ArrayList<>();
    List<CoreMap> found = doc.get(CoreAnnotations.MentionsAnnotation.class);
    if (found != null) {
      for (CoreMap m : found) {
        if (pronominal(m)) {
          continue;
        }
        int begin = m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        int end = m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
        // CoreNLP numbers mentions by the "sentence" it tagged: here, the window.
        Integer window = m.get(CoreAnnotations.SentenceIndexAnnotation.class);
        mentions.add(
            new EntityMention(
                text.substring(begin, end),
                m.get(CoreAnnotations.NamedEntityTagAnnotation.class),
                window == null ? 0 : windows.sentenceOf()[window],
                Offsets.toCodePoints(text, begin),
                Offsets.toCodePoints(text, end)));
      }
    }
    return new EntityResult(
        mentions, sentences.size(), tokenCount, tokensCut, windows.split(), bounded.runsBlanked());
  }

  /** A mention none of whose tokens NER tagged: CoreNLP's pronominal mention ("he" as PERSON). */
  private static boolean pronominal(CoreMap mention) {
    List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
    return tokens != null
        && !tokens.isEmpty()
        && tokens.stream().allMatch(t -> "O".equals(t.ner()));
  }
}

package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Named-entity mentions of a text with CoreNLP (tokenize, ssplit, pos, lemma, ner).
 *
 * <p>CoreNLP's entity mentions also hold pronouns ("he", "his", "she", "her") as PERSON mentions,
 * for its relation extractor: their tokens have no NER tag of their own ("O"). They are not named
 * entities, and are left out.
 */
public final class EntityAnnotator extends SharedPipelineAnnotator<EntityResult> {

  /** Uses the JVM-wide shared pipeline for these settings. */
  public EntityAnnotator(AnnotatorSettings settings) {
    super(settings.entityProperties());
  }

  @Override
  public EntityResult annotate(String text) {
    Annotated a = run(text);
    Annotation doc = a.doc();
    int sentenceCount = a.sentences().size();
    int tokenCount = 0;
    for (CoreMap s : a.sentences()) {
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
        Integer sentenceIndex = m.get(CoreAnnotations.SentenceIndexAnnotation.class);
        mentions.add(
            new EntityMention(
                text.substring(begin, end),
                m.get(CoreAnnotations.NamedEntityTagAnnotation.class),
                sentenceIndex == null ? 0 : sentenceIndex,
                Offsets.toCodePoints(text, begin),
                Offsets.toCodePoints(text, end)));
      }
    }
    return new EntityResult(mentions, sentenceCount, tokenCount);
  }

  /** A mention none of whose tokens NER tagged: CoreNLP's pronominal mention ("he" as PERSON). */
  private static boolean pronominal(CoreMap mention) {
    List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
    return tokens != null && !tokens.isEmpty() && tokens.stream().allMatch(t -> "O".equals(t.ner()));
  }
}

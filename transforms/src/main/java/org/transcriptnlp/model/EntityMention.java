package org.transcriptnlp.model;

import java.io.Serializable;

/**
 * One named-entity mention.
 *
 * @param text the mention as written
 * @param type CoreNLP NER tag
 * @param sentenceIndex 0-based sentence holding it
 * @param charBegin code-point offset of its first character in the annotated text
 * @param charEnd code-point offset one past its last character
 */
public record EntityMention(String text, String type, int sentenceIndex, int charBegin, int charEnd)
    implements Serializable {}

/**
 * From text to speaker turns and answers, in plain Java: decoding a file's bytes to text ({@link
 * TextDecoder}), splitting plain text into paragraphs, finding speaker labels and canonical speaker
 * names, stage directions, non-speech and the document header, the turn parser ({@link
 * TurnParser}), who asks and who answers ({@link RoleInference}), pairing questions with answers
 * ({@link QaPairer}), clock times and the {@code --explain} listing. It may depend on model only
 * (and ICU4J); not on Beam or CoreNLP.
 */
package org.transcriptnlp.parse;

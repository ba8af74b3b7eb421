package org.transcriptnlp.beam;

import java.io.Serializable;
import org.transcriptnlp.model.ParsedTranscript;

/** A transcript and its turns. */
public record ParsedDoc(TranscriptDoc doc, ParsedTranscript parsed) implements Serializable {}

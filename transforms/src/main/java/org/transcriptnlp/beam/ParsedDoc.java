package org.transcriptnlp.beam;

import java.io.Serializable;
import org.transcriptnlp.model.ParsedTranscript;

/** A transcript, the format it was read as, and its turns. */
public record ParsedDoc(TranscriptDoc doc, String format, ParsedTranscript parsed) implements Serializable {}

package org.transcriptnlp.model;

import java.io.Serializable;

/** A transcript, the format it was read as, and its turns. */
public record ParsedDoc(TranscriptDoc doc, String format, ParsedTranscript parsed)
    implements Serializable {}

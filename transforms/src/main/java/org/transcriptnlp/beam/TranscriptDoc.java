package org.transcriptnlp.beam;

import java.io.Serializable;

/**
 * A transcript file read and decoded.
 *
 * @param sourcePath the file, as matched
 * @param transcriptId first 16 hex digits of the SHA-256 of the file's bytes
 * @param charset the encoding the text was decoded from
 * @param text the decoded text
 */
public record TranscriptDoc(String sourcePath, String transcriptId, String charset, String text)
    implements Serializable {}

package org.transcriptnlp.formats;

import java.util.Locale;

/** The transcript formats the job reads. */
public enum Format {
  /** Plain text or Markdown with speaker labels (also line-numbered stenographic transcripts). */
  TEXT,
  /** An HTML page: its visible text, block by block. */
  HTML,
  /** WebVTT captions: cues with timings and {@code <v Speaker>} voice tags. */
  VTT,
  /** SubRip captions: numbered cues with timings; a speaker named in the first cue of a turn. */
  SRT,
  /** JSON utterance lists: QMSum, podcast-namespace segments, speech-to-text segments. */
  JSON;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an option value: auto (null) or one of the formats. */
  public static Format parse(String value) {
    String v = value == null ? "auto" : value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("auto")) {
      return null;
    }
    return switch (v) {
      case "text", "txt", "markdown", "md" -> TEXT;
      case "html", "htm" -> HTML;
      case "vtt", "webvtt" -> VTT;
      case "srt" -> SRT;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException(
          "unknown format '" + value + "': use auto, text, markdown, html, vtt, srt or json");
    };
  }

  /**
   * Detects the format from the file name (a trailing {@code .gz} ignored) and, when the
   * extension says nothing, from the content.
   */
  public static Format detect(String fileName, String text) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    switch (ext) {
      case "html", "htm", "xhtml", "php":
        return HTML;
      case "vtt":
        return VTT;
      case "srt":
        return SRT;
      case "json", "jsonl":
        return JSON;
      case "txt", "md", "markdown", "text":
        return TEXT;
      default:
        break;
    }
    String head = text.stripLeading();
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1);
    }
    String lower = head.substring(0, Math.min(head.length(), 2000)).toLowerCase(Locale.ROOT);
    if (head.startsWith("WEBVTT")) {
      return VTT;
    }
    if (head.startsWith("{") || head.startsWith("[{") || head.startsWith("[\n") || head.startsWith("[ ")) {
      return JSON;
    }
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")
        || lower.matches("(?s)^<(p|div|h[1-6]|cite|span|table|pre)\\b.*")) {
      return HTML;
    }
    if (head.matches("(?s)^\\d+\\r?\\n\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{3} --> .*")) {
      return SRT;
    }
    return TEXT;
  }
}

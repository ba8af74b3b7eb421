package org.transcriptnlp.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.SpeakerLabels;

/**
 * WebVTT and SRT captions. Each cue has timings and text lines. In WebVTT a {@code <v Name>} voice
 * tag names the speaker; in SRT (and WebVTT without voice tags) a cue that starts with a speaker
 * label ({@code Travis: ...}) starts a turn and the following unlabelled cues continue it.
 * Consecutive cues of one speaker are merged into one paragraph, so a sentence split across cues
 * stays one sentence; the paragraph keeps the first cue's start and the last cue's end.
 */
public final class CaptionReader {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*(" + Timestamps.CLOCK + ")\\s*-->\\s*(" + Timestamps.CLOCK + ").*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[\\w.-]+)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<\\d[^>]*>");

  private final SpeakerLabels labels = new SpeakerLabels();

  /** A caption file could not be read as captions. */
  public static final class MalformedCaptionsException extends IllegalArgumentException {
    public MalformedCaptionsException(String message) {
      super(message);
    }
  }

  public List<Block> read(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Block> blocks = new ArrayList<>();
    int cues = 0;
    int i = 0;
    while (i < lines.length) {
      Matcher timing = TIMING.matcher(lines[i]);
      if (!timing.matches()) {
        i++;
        continue;
      }
      Double start = Timestamps.seconds(timing.group(1));
      Double end = Timestamps.seconds(timing.group(2));
      i++;
      StringBuilder cue = new StringBuilder();
      while (i < lines.length && !lines[i].isBlank() && !TIMING.matcher(lines[i]).matches()) {
        cue.append(cue.length() == 0 ? "" : "\n").append(lines[i]);
        i++;
      }
      cues++;
      addCue(blocks, cue.toString(), start, end);
    }
    if (cues == 0 && !text.isBlank()) {
      throw new MalformedCaptionsException("no cue with a valid 'start --> end' timing line");
    }
    return blocks;
  }

  private void addCue(List<Block> blocks, String raw, Double start, Double end) {
    String speaker = null;
    Matcher voice = VOICE.matcher(raw);
    if (voice.find()) {
      speaker = voice.group(1).strip();
    }
    String text = Parser.unescapeEntities(TAG.matcher(raw).replaceAll(""), false);
    text = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return;
    }
    Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    boolean continues =
        last != null
            && (speaker == null ? !labels.startsWithLabel(text) : speaker.equals(last.speaker()));
    if (continues) {
      blocks.set(blocks.size() - 1, new Block(last.text() + " " + text, last.speaker(), last.startSeconds(), end));
    } else {
      blocks.add(new Block(text, speaker, start, end));
    }
  }
}

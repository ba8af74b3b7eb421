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
  public static final class MalformedCaptionsException extends FormatException {
    public MalformedCaptionsException(String message) {
      super("malformed_captions", message);
    }
  }

  public List<Block> read(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Block> blocks = new ArrayList<>();
    int timingLines = 0;
    int i = 0;
    while (i < lines.length) {
      // One block: the lines up to the next blank line.
      int end = i;
      while (end < lines.length && !lines[end].isBlank()) {
        end++;
      }
      if (end > i && !isMetadata(lines[i])) {
        timingLines += readBlock(lines, i, end, blocks);
      }
      i = end + 1;
    }
    if (timingLines == 0 && !text.isBlank()) {
      throw new MalformedCaptionsException("no cue with a 'start --> end' timing line");
    }
    return blocks;
  }

  /** The WEBVTT header and NOTE, STYLE and REGION blocks hold no speech. */
  private static boolean isMetadata(String first) {
    String s = first.strip();
    return s.startsWith("WEBVTT") || s.equals("NOTE") || s.startsWith("NOTE ") || s.startsWith("STYLE")
        || s.startsWith("REGION");
  }

  /**
   * Reads the cues in lines [from, to): each starts at a timing line; the lines before the first
   * timing line are a cue id, unless there is no timing line at all. A cue whose timing line is
   * broken ({@code -->} with unreadable times) or reversed keeps its text, with no times: speech is
   * never dropped for a bad timestamp. Returns the number of timing lines seen.
   */
  private int readBlock(String[] lines, int from, int to, List<Block> blocks) {
    int timings = 0;
    int i = from;
    while (i < to && !lines[i].contains("-->")) {
      i++;
    }
    if (i == to) {
      // No timing line: an SRT index with a garbled timing, or text that lost its timing line.
      int textFrom = from + 1 < to && lines[from].strip().matches("\\d+") ? from + 2 : from;
      addCue(blocks, join(lines, Math.min(textFrom, to), to), null, null);
      return 0;
    }
    while (i < to) {
      timings++;
      Double start = null;
      Double end = null;
      Matcher timing = TIMING.matcher(lines[i]);
      if (timing.matches()) {
        start = Timestamps.seconds(timing.group(1));
        end = Timestamps.seconds(timing.group(2));
        if (start == null || end == null || end < start) {
          start = null;
          end = null;
        }
      }
      int next = i + 1;
      while (next < to && !lines[next].contains("-->")) {
        next++;
      }
      addCue(blocks, join(lines, i + 1, next), start, end);
      i = next;
    }
    return timings;
  }

  private static String join(String[] lines, int from, int to) {
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
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
      blocks.set(blocks.size() - 1, new Block(last.text() + " " + text, last.speaker(), last.startSeconds(), end != null ? end : last.endSeconds()));
    } else {
      blocks.add(new Block(text, speaker, start, end));
    }
  }
}

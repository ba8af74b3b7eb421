package org.transcriptnlp.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.SpeakerLabels;
import org.transcriptnlp.parse.Timestamps;

/**
 * WebVTT and SRT captions. Each cue has timings and text lines. The speaker is named by a {@code <v
 * Name>} voice tag, a {@code [Name]:} or a {@code >> NAME:} at the start of the cue (put in {@link
 * Block#speaker()}); a plain {@code Name: text} or {@code - Name: text} stays in the text for the
 * turn parser to judge. A {@code >>} or a leading {@code - } without a name marks a change to an
 * unnamed speaker ({@link Block#speakerChange()}); a cue of two such lines is two turns.
 *
 * <p>A cue that starts with a speaker starts a turn and the following unlabelled cues continue it
 * (files that name the speaker only on a turn's first cue), unless the file names the speaker on
 * nearly every cue: there an unnamed cue between named ones is a change of speaker. Consecutive
 * cues of one speaker are merged into one paragraph, so a sentence split across cues stays one
 * sentence; the paragraph keeps the first cue's start and the last cue's end.
 */
public final class CaptionReader {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*(" + Timestamps.CLOCK + ")\\s*-->\\s*(" + Timestamps.CLOCK + ").*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[\\w.-]+)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<\\d[^>]*>");

  /**
   * {@code [Name]: text}: a name in brackets with a colon (a bare {@code [MUSIC]} is not a name).
   */
  private static final Pattern BRACKETED =
      Pattern.compile("^\\[([^\\[\\]:]{1,60})\\]\\s*:\\s*(.*)$", Pattern.DOTALL);

  /** {@code >> NAME: text} or {@code >> text} (broadcast captions). */
  private static final Pattern CHEVRONS =
      Pattern.compile(
          "^>>+\\s*(?:([\\p{Lu}][\\p{Lu}\\p{M}0-9 .'’-]{0,50}?)\\s*:\\s+)?(.*)$", Pattern.DOTALL);

  /** {@code - text} or {@code - Name: text} (subtitles: a dash starts each speaker's line). */
  private static final Pattern DASH = Pattern.compile("^[-–—]\\s+(.*)$", Pattern.DOTALL);

  /** Share of cues naming their speaker from which an unnamed cue is a change of speaker. */
  private static final double NAMED_ON_NEARLY_EVERY_CUE = 0.8;

  private final SpeakerLabels labels = new SpeakerLabels();

  /** A caption file could not be read as captions. */
  public static final class MalformedCaptionsException extends FormatException {
    public MalformedCaptionsException(String message) {
      super("malformed_captions", message);
    }
  }

  /** One cue's text (tags removed) and times, with what its start says about the speaker. */
  private record Piece(
      String text, String speaker, boolean change, boolean labelled, Double start, Double end) {
    boolean named() {
      return speaker != null || labelled;
    }
  }

  public List<Block> read(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Piece> cues = new ArrayList<>();
    int timingLines = 0;
    int i = 0;
    while (i < lines.length) {
      // One block: the lines up to the next blank line.
      int end = i;
      while (end < lines.length && !lines[end].isBlank()) {
        end++;
      }
      if (end > i && !isMetadata(lines[i])) {
        timingLines += readBlock(lines, i, end, cues);
      }
      i = end + 1;
    }
    if (timingLines == 0 && !text.isBlank()) {
      throw new MalformedCaptionsException("no cue with a 'start --> end' timing line");
    }
    return merge(cues);
  }

  /**
   * Cues into paragraphs: a new one where the speaker changes, consecutive cues of one speaker
   * merged.
   */
  private static List<Block> merge(List<Piece> cues) {
    long named = cues.stream().filter(Piece::named).count();
    boolean namedOnEveryCue = named >= 2 && named >= NAMED_ON_NEARLY_EVERY_CUE * cues.size();
    List<Block> blocks = new ArrayList<>();
    Piece previous = null;
    for (Piece c : cues) {
      Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      boolean continues;
      boolean change = c.change();
      if (last == null || c.change() || c.labelled()) {
        continues = false;
      } else if (c.speaker() != null) {
        continues = c.speaker().equals(last.speaker());
      } else if (namedOnEveryCue && previous != null && previous.named()) {
        continues = false; // an unnamed cue where every other cue names its speaker: someone else
        change = true;
      } else {
        continues = true;
      }
      if (continues) {
        blocks.set(
            blocks.size() - 1,
            new Block(
                last.text() + " " + c.text(),
                last.speaker(),
                last.startSeconds(),
                c.end() != null ? c.end() : last.endSeconds(),
                last.speakerChange()));
      } else {
        blocks.add(
            new Block(c.text(), c.speaker(), c.start(), c.end(), c.speaker() == null && change));
      }
      previous = c;
    }
    return blocks;
  }

  /** The WEBVTT header and NOTE, STYLE and REGION blocks hold no speech. */
  private static boolean isMetadata(String first) {
    String s = first.strip();
    return s.startsWith("WEBVTT")
        || s.equals("NOTE")
        || s.startsWith("NOTE ")
        || s.startsWith("STYLE")
        || s.startsWith("REGION");
  }

  /**
   * Reads the cues in lines [from, to): each starts at a timing line; the lines before the first
   * timing line are a cue id, unless there is no timing line at all. A cue whose timing line is
   * broken ({@code -->} with unreadable times) or reversed keeps its text, with no times: speech is
   * never dropped for a bad timestamp. Returns the number of timing lines seen.
   */
  private int readBlock(String[] lines, int from, int to, List<Piece> blocks) {
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

  /**
   * A cue: one piece, or one per line when its lines each start a speaker ({@code - Hi.} / {@code -
   * Hello.}).
   */
  private void addCue(List<Piece> cues, String raw, Double start, Double end) {
    // ">>" after the end of a sentence inside a line starts another speaker too.
    List<String> lines =
        raw.replaceAll("([.!?])\\s*>>", "$1\n>>")
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    boolean chevronLater = lines.stream().skip(1).anyMatch(l -> l.startsWith(">>"));
    boolean perLine =
        lines.size() >= 2
            && (chevronLater
                || lines.stream()
                            .filter(l -> DASH.matcher(l).matches() || l.startsWith(">>"))
                            .count()
                        >= 2
                    && (DASH.matcher(lines.get(0)).matches()
                        || lines.get(0).startsWith(">>")
                        || lines.get(0).startsWith("<v")));
    if (perLine) {
      List<String> turns = new ArrayList<>();
      for (String l : lines) {
        boolean starts = l.startsWith(">>") || (!chevronLater && DASH.matcher(l).matches());
        if (starts || turns.isEmpty()) {
          turns.add(l);
        } else {
          turns.set(turns.size() - 1, turns.get(turns.size() - 1) + "\n" + l);
        }
      }
      for (String t : turns) {
        addPiece(cues, t, start, end);
      }
    } else {
      addPiece(cues, raw, start, end);
    }
  }

  private void addPiece(List<Piece> cues, String raw, Double start, Double end) {
    String speaker = null;
    Matcher voice = VOICE.matcher(raw);
    if (voice.find()) {
      speaker = voice.group(1).strip();
    }
    String text = Parser.unescapeEntities(TAG.matcher(raw).replaceAll(""), false);
    text = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    boolean change = false;
    Matcher m;
    if (speaker == null && (m = BRACKETED.matcher(text)).matches()) {
      speaker = m.group(1).strip();
      text = m.group(2).strip();
    } else if ((m = CHEVRONS.matcher(text)).matches()) {
      if (m.group(1) != null && speaker == null) {
        speaker = m.group(1).strip();
      } else {
        change = speaker == null;
      }
      text = m.group(2).strip();
    } else if ((m = DASH.matcher(text)).matches()) {
      change = speaker == null;
      text = m.group(1).strip();
    }
    if (text.isEmpty()) {
      return;
    }
    boolean labelled = speaker == null && labels.startsWithLabel(text);
    cues.add(new Piece(text, speaker, change, labelled, start, end));
  }
}

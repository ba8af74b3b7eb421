package org.transcriptnlp.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a speaker label at the start of a paragraph, in the styles plain-text and Markdown
 * transcripts use: {@code Name:}, {@code NAME:}, {@code MS. PSAKI:}, {@code **Name:**}, {@code
 * Full Name(ALIAS):} (an alias declaration), {@code DK:text} (no space), and the anonymous {@code
 * Q} / {@code Q:} / {@code Q -} / {@code A:} / {@code A -}.
 *
 * <p>This only says what <em>looks</em> like a label. Whether a candidate is accepted as a speaker
 * (and not speech such as "I will say more:" or a caption such as "Photo:") is decided by {@link
 * TurnParser} with the whole document in view.
 */
public final class SpeakerLabels {

  /**
   * A label found at the start of a paragraph.
   *
   * @param label the speaker label as written, without punctuation
   * @param alias the alias a {@code Full Name(ALIAS):} label declares, else null
   * @param rest the text after the label
   * @param startSeconds a time written with the label ({@code Name (00:01:02):}, {@code Name: 00:00:19}), else null
   * @param formal a GPO-style label ({@code Mr. WARNER.}): unambiguous, accepted on sight
   */
  public record Match(String label, String alias, String rest, Double startSeconds, boolean formal) {
    public Match(String label, String alias, String rest) {
      this(label, alias, rest, null, false);
    }

    public boolean declaresAlias() {
      return alias != null;
    }

    public Match withRest(String newRest) {
      return new Match(label, alias, newRest, startSeconds, formal);
    }
  }

  private static final String PARTICLE = "(?:of|de|da|del|della|der|den|van|von|al|el|bin|ibn|la|le|du|y|pro|tempore)";
  private static final String WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?|\\p{Lu}\\.)";
  /** A name: capitalised words, lower-case particles ("van", "of"), numbers after the first word ("BELL 7"). */
  private static final String NAME = WORD + "(?:\\s+(?:" + WORD + "|" + PARTICLE + "|\\d{1,4}))" + "{0,5}";

  /** {@code Name:}, {@code Name(ALIAS):}, {@code **Name:**}; the colon may be followed by no space. */
  private static final Pattern NAMED =
      Pattern.compile(
          "^(?:\\*\\*)?(?<label>"
              + NAME
              + ")(?:\\s*\\((?<alias>[^()]{1,40})\\))?\\s*(?::\\*\\*|\\*\\*:|:)(?!//)(?!\\d)\\s*(?<rest>.*)$",
          Pattern.DOTALL);

  /** Anonymous questioner or answerer: {@code Q}, {@code Q:}, {@code Q -}, {@code A:}, {@code A -}. */
  private static final Pattern ANONYMOUS =
      Pattern.compile(
          "^(?<label>Q|A)(?:\\s*[:.]\\s*|\\s+[-–—]\\s+|(?<=Q)\\s+(?=[\\p{Lu}\\p{N}\"“‘'(]))(?<rest>.*)$",
          Pattern.DOTALL);

  /**
   * Congressional Record / GPO style: an honorific or office, a surname in capitals, a period:
   * {@code Mr. WARNER.}, {@code The PRESIDING OFFICER.}, {@code Chairman HAMILTON.}, {@code The
   * SPEAKER pro tempore (Mr. Poe).}, {@code Mr. MILLER of Florida.}
   */
  private static final Pattern FORMAL =
      Pattern.compile(
          "^(?<label>(?:The\\s+|Mr\\.\\s+|Mrs\\.\\s+|Ms\\.\\s+|Miss\\s+|Dr\\.\\s+|Chairman\\s+|Chairwoman\\s+|"
              + "Senator\\s+|Representative\\s+|Vice\\s+Chairman\\s+|Acting\\s+)+"
              + "\\p{Lu}[\\p{Lu}'’\\-]+(?:\\s+\\p{Lu}[\\p{Lu}'’\\-]+){0,3}(?:\\s+pro\\s+tempore)?"
              + "(?:\\s+of\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)?(?:\\s*\\([^()]{1,40}\\))?)"
              + "\\.(?:\\s+(?<rest>\\S.*)|\\s*)$",
          Pattern.DOTALL);

  /** A name and a time alone on a line, the text below (Otter, Descript): "Jane Doe  0:03". */
  private static final Pattern TIMED_NAME =
      Pattern.compile("^(?<label>" + NAME + ")\\s+[\\[(]?(?<time>" + org.transcriptnlp.formats.Timestamps.CLOCK + ")[\\])]?\\s*$");

  private static final Pattern TIME_ONLY =
      Pattern.compile("^\\\\?[\\[(]?(" + org.transcriptnlp.formats.Timestamps.CLOCK + ")\\\\?[\\])]?(?:\\s+(?<rest>.*))?$", Pattern.DOTALL);

  /** Words that end in a colon at a paragraph start but introduce no speech. */
  private static final Set<String> NON_SPEECH_LABELS =
      Set.of(
          "photo", "photos", "photo credit", "photograph", "image", "images", "picture", "caption",
          "credit", "credits", "source", "sources", "tags", "related", "read more", "see also",
          "copyright", "published", "updated", "posted", "editor's note", "editor’s note", "note",
          "notes", "update", "title", "subject", "date", "location", "transcript", "video", "audio",
          "watch", "listen", "share", "translation", "translated by", "edited by", "contact", "break",
          "_page", "_images", "_note", "page", "chapter", "section", "part", "episode", "show notes",
          "sponsors", "sponsor", "links", "summary", "description", "topic", "topics", "keywords",
          "present", "presiding", "also present", "appearances", "index", "witnesses", "speakers");

  private static final int MAX_LABEL_LENGTH = 60;

  /** The label at the start of the paragraph, if it looks like one. */
  public Optional<Match> match(String paragraph) {
    Matcher anonymous = ANONYMOUS.matcher(paragraph);
    if (anonymous.matches()) {
      return Optional.of(new Match(anonymous.group("label"), null, anonymous.group("rest").strip()));
    }
    Matcher formal = FORMAL.matcher(paragraph);
    if (formal.matches()) {
      String rest = formal.group("rest");
      return Optional.of(new Match(formal.group("label").strip(), null, rest == null ? "" : rest.strip(), null, true));
    }
    Matcher timed = TIMED_NAME.matcher(paragraph);
    if (timed.matches()) {
      return Optional.of(
          new Match(timed.group("label").strip(), null, "", org.transcriptnlp.formats.Timestamps.seconds(timed.group("time")), false));
    }
    Matcher named = NAMED.matcher(paragraph);
    if (named.matches()) {
      String label = named.group("label").strip();
      if (label.length() > MAX_LABEL_LENGTH) {
        return Optional.empty();
      }
      String alias = named.group("alias") == null ? null : named.group("alias").strip();
      String rest = named.group("rest").strip();
      Double time = null;
      if (alias != null && org.transcriptnlp.formats.Timestamps.seconds(alias) != null) {
        time = org.transcriptnlp.formats.Timestamps.seconds(alias);
        alias = null;
      }
      Matcher timeFirst = TIME_ONLY.matcher(rest);
      if (time == null && timeFirst.matches()) {
        time = org.transcriptnlp.formats.Timestamps.seconds(timeFirst.group(1));
        rest = timeFirst.group("rest") == null ? "" : timeFirst.group("rest").strip();
      }
      return Optional.of(new Match(label, alias, rest, time, false));
    }
    return Optional.empty();
  }

  /** A label alone on its line ("HOST:", "Jane Doe  0:03"): the text follows on the next line. */
  public boolean isLabelOnly(String line) {
    return match(line).filter(m -> m.rest().isEmpty() && !isNonSpeechLabel(m.label())).isPresent();
  }

  public boolean startsWithLabel(String line) {
    return match(line).filter(m -> !isNonSpeechLabel(m.label())).isPresent();
  }

  /** True for caption-like labels such as "Photo" or "Source" that introduce no speech. */
  public static boolean isNonSpeechLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    return NON_SPEECH_LABELS.contains(l) || LIST_HEADING.matcher(l).matches();
  }

  /** Cover-page list headings: "SENATE MEMBERS PRESENT", "ROUNDTABLE PARTICIPANTS". */
  private static final Pattern LIST_HEADING =
      Pattern.compile(".*\\b(?:present|participants|members|appearances|witnesses|panelists|attendees|"
          + "contents|exhibits|speakers|guests|hosts|cast|credits|attendance)$");

  /** True for labels written with an honorific or office, e.g. "Mr. WARNER", "SENATOR GOLD". */
  public static boolean hasTitle(String label) {
    return TITLE.matcher(label).lookingAt();
  }

  private static final Pattern TITLE =
      Pattern.compile(
          "(?i)(mr|mrs|ms|miss|dr|prof|sen|rep|gen|col|capt|hon|rev|sir|dame|lord|lady)\\.?\\s"
              + "|(the\\s+)?(president|vice\\s+president|senator|representative|chairman|chairwoman|"
              + "chair|secretary|ambassador|governor|mayor|minister|prime\\s+minister|judge|justice|"
              + "general|admiral|moderator|speaker|interviewer|host|reporter|presenter|operator)\\b");

  /** True when every letter of the label is upper case (and it has at least two letters). */
  public static boolean isAllCaps(String label) {
    int letters = 0;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.isLowerCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }
}

package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a speaker label at the start of a paragraph, in the styles plain-text and Markdown
 * transcripts use: {@code Name:}, {@code NAME:}, {@code MS. PSAKI:}, {@code **Name:**}, {@code Full
 * Name(ALIAS):} (an alias declaration), {@code DK:text} (no space), and the anonymous {@code Q} /
 * {@code Q:} / {@code Q -} / {@code A:} / {@code A -}.
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
   * @param startSeconds a time written with the label ({@code Name (00:01:02):}, {@code Name:
   *     00:00:19}), else null
   * @param formal a GPO-style label ({@code Mr. WARNER.}): unambiguous, accepted on sight
   */
  public record Match(
      String label, String alias, String rest, Double startSeconds, boolean formal, Shape shape) {
    public Match(String label, String alias, String rest) {
      this(label, alias, rest, null, false, Shape.COLON);
    }

    public Match(String label, String alias, String rest, Double startSeconds, boolean formal) {
      this(label, alias, rest, startSeconds, formal, formal ? Shape.FORMAL : Shape.COLON);
    }

    public boolean declaresAlias() {
      return alias != null;
    }

    public Match withRest(String newRest) {
      return new Match(label, alias, newRest, startSeconds, formal, shape);
    }
  }

  /**
   * How a label is written. The first four are unambiguous in shape ({@link #match}); the last
   * three only count where the document shows the style again and again ({@link #candidate}).
   */
  public enum Shape {
    /** {@code Name: text}, {@code **Name:** text}, {@code >> NAME: text}, {@code [Name]: text}. */
    COLON,
    /** {@code Q}, {@code Q:}, {@code A -}. */
    ANONYMOUS,
    /** {@code Mr. WARNER.} (the Congressional Record). */
    FORMAL,
    /** {@code Jane Doe 0:03} alone on its line. */
    TIMED,
    /**
     * A name alone in its paragraph, no colon: {@code **Jane Roe**}, {@code JANE ROE}, {@code
     * Operator}.
     */
    ALONE,
    /**
     * An upper-case label without a colon before mixed-case speech: {@code MR KAMAU Mr. Speaker,
     * Sir}.
     */
    CAPS,
    /** A bracketed label without a colon: {@code [SPEAKER_01] text}, {@code [Jane] text}. */
    BRACKET
  }

  private static final String PARTICLE =
      "(?:of|de|da|del|della|der|den|van|von|al|el|bin|ibn|la|le|du|y|pro|tempore)";

  /**
   * A word of a name: capitalised ({@code Jane}, {@code O’Neil}, {@code SPEAKER_01}, {@code P1}),
   * an initial ({@code J.}), or a word of a script without letter case (Arabic, Hebrew, CJK).
   */
  private static final String WORD =
      // atomic: a word is matched one way only, so that a run of initials ("A. B. C. D. ...")
      // cannot make the name patterns try exponentially many splits
      "(?>(?:\\p{Lu}\\.){2,4}(?!\\p{Ll})|\\p{Lu}[\\p{L}\\p{M}'’\\-]*+(?:_?\\d{1,3})?\\.?|\\p{Lo}[\\p{Lo}\\p{M}]*+)";

  /**
   * A name: capitalised words, lower-case particles ("van", "of"), numbers after the first word
   * ("BELL 7").
   */
  private static final String NAME =
      WORD + "(?:\\s+(?:" + WORD + "|" + PARTICLE + "|\\d{1,4}))" + "{0,5}";

  /**
   * A label before a colon may also be an office, with the small words of one: "The Cabinet
   * Secretary for Roads and Transport", "Minister of Justice and Constitutional Development".
   */
  private static final String OFFICE_WORD = "(?:of|for|and|the|on|in|to|at|&)";

  private static final String LABEL_NAME =
      WORD
          + "(?:\\s+\\((?:\\p{Lu}[\\p{L}.]{0,6}\\.?)(?:\\s+\\p{Lu}[\\p{L}.]{0,6})?\\))?" // "Hon.
          // (Dr)
          // Robert
          // Pukose",
          // "Hon.
          // (Ms.)
          // Jane"
          + "(?:\\s+(?:"
          + WORD
          + "|"
          + PARTICLE
          + "|\\d{1,4}|"
          + OFFICE_WORD
          + "(?=\\s+\\p{Lu})))"
          + "{0,9}";

  /**
   * Markers that may stand before a label: caption speaker-change marks ({@code >>}, {@code - }), a
   * leading tag left in text ({@code <speech>}), a bullet, Markdown bold or underline.
   */
  private static final String LEAD =
      "(?:>{1,3}\\s*|[-–—]\\s+(?=\\p{Lu})|<[A-Za-z][^<>]{0,40}>\\s*|[•·]\\s*)*(?:\\*\\*|__)?";

  /**
   * Words of an office or affiliation after a name: "Chair, Senate Standing Committee on
   * Transportation".
   */
  private static final String DESCRIPTION_WORD =
      "(?:\\p{Lu}[\\p{L}\\p{M}'’.&/-]*|&|of|on|for|the|and|at|in|to|de|du|von|\\d{1,4})";

  private static final String DESCRIPTION =
      "\\p{Lu}[\\p{L}\\p{M}'’.&/-]*(?:\\s+" + DESCRIPTION_WORD + "){0,9}";

  /**
   * {@code Name:}, {@code Name(ALIAS):}, {@code **Name:**}, {@code [Name]:}, {@code NAME, OFFICE,
   * AFFILIATION:}; the colon may be followed by no space.
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "^"
              + LEAD
              + "\\[?(?<label>"
              + LABEL_NAME
              + ")(?:\\s*\\((?<alias>[^()]{1,40})\\))?(?:\\s*\\([^()]{1,40}\\))?(?:,\\s+"
              + DESCRIPTION
              + "){0,4}\\]?\\s*(?<end>:\\*\\*|\\*\\*:|__:|:__|:|：|\\.?\\s?[-–—]{1,2}(?=\\s))(?!//)(?!\\d)\\s*(?<rest>.*)$",
          Pattern.DOTALL);

  /**
   * Anonymous questioner or answerer: {@code Q}, {@code Q:}, {@code Q -}, {@code A:}, {@code A -}.
   */
  private static final Pattern ANONYMOUS =
      Pattern.compile(
          "^(?:\\*\\*)?(?<label>Q|A)(?:\\*\\*)?(?:\\s*[:.](?:\\*\\*)?\\s*|\\s+[-–—]\\s+|(?<=Q)\\s+(?=[\\p{Lu}\\p{N}\"“‘'(]))(?<rest>.*)$",
          Pattern.DOTALL);

  /**
   * Congressional Record / GPO style: an honorific or office (as written, or in capitals as in
   * typed committee transcripts: {@code CHAIRMAN GREENSPAN.}), a surname in capitals, a period:
   * {@code Mr. WARNER.}, {@code The PRESIDING OFFICER.}, {@code Chairman HAMILTON.}, {@code The
   * SPEAKER pro tempore (Mr. Poe).}, {@code Mr. MILLER of Florida.}
   */
  private static final Pattern FORMAL =
      Pattern.compile(
          "^(?<label>(?i:The\\s+|Mr\\.\\s+|Mrs\\.\\s+|Ms\\.\\s+|Miss\\s+|Dr\\.\\s+|Chairman\\s+|Chairwoman\\s+|"
              + "Senator\\s+|Representative\\s+|Vice\\s+Chairman\\s+|Acting\\s+|Governor\\s+|President\\s+|Judge\\s+|"
              + "Justice\\s+|Commissioner\\s+|Secretary\\s+|General\\s+|Admiral\\s+)+"
              + "\\p{Lu}[\\p{Lu}'’\\-]+(?:\\s+\\p{Lu}[\\p{Lu}'’\\-]+){0,3}(?:\\s+pro\\s+tempore)?"
              + "(?:\\s+of\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)?(?:\\s*\\([^()]{1,40}\\))?)"
              + "\\.(?:\\s+(?<rest>\\S.*)|\\s*)$",
          Pattern.DOTALL);

  /** A name and a time alone on a line, the text below (Otter, Descript): "Jane Doe 0:03". */
  private static final Pattern TIMED_NAME =
      Pattern.compile(
          "^(?:\\*\\*)?(?<label>"
              + NAME
              + ")(?:\\*\\*)?\\s+[\\[(]?(?<time>"
              + Timestamps.CLOCK
              + ")[\\])]?\\s*$");

  private static final Pattern TIME_ONLY =
      Pattern.compile(
          "^\\\\?[\\[(]?(" + Timestamps.CLOCK + ")\\\\?[\\])]?(?:\\s+(?<rest>.*))?$",
          Pattern.DOTALL);

  /**
   * A name alone in its paragraph, without a colon: {@code **Jane Roe**}, {@code JANE ROE}, {@code
   * Jane Roe (Guest)}, {@code Tim Cook - CEO}, {@code Jane Roe [00:01:02]}. Only a candidate: a
   * heading looks the same.
   */
  private static final Pattern ALONE =
      Pattern.compile(
          "^"
              + LEAD
              + "(?<label>"
              + NAME
              + ")(?:\\*\\*|__)?(?:\\s*\\((?<alias>[^()]{1,40})\\))?"
              + "(?:\\s+(?:--|[-–—|])\\s+(?<desc>[^!?:]{1,100}?)|,\\s+(?<desc2>[^!?:]{1,100}?))?(?:\\*\\*|__)?"
              + "(?:\\s*[\\[(]?(?<time>"
              + Timestamps.CLOCK
              + ")[\\])]?)?(?:\\s*\\[\\d{1,4}\\])?\\s*$");

  /** Honorifics and offices that may open an upper-case label without a colon. */
  private static final String CAPS_TITLE =
      "(?:THE|MR|MRS|MS|MISS|DR|PROF|HON|SEN|REP|GEN|COL|CAPT|REV|SIR|DAME|LORD|LADY|SENATOR|JUSTICE|JUDGE)\\.?\\s+";

  /** An upper-case word of a label ({@code KAMAU}, {@code O'BRIEN}, {@code JEAN-PIERRE}). */
  private static final String CAPS_WORD = "(?>\\p{Lu}[\\p{Lu}\\p{M}'’\\-]*+\\.?)";

  /**
   * An upper-case label without a colon, then mixed-case speech: {@code MR KAMAU Mr. Speaker, Sir}.
   */
  private static final Pattern CAPS =
      Pattern.compile(
          "^"
              + LEAD
              + "(?<label>(?:"
              + CAPS_TITLE
              + ")?\\p{Lu}[\\p{Lu}\\p{M}'’\\-]+(?:\\s+"
              + CAPS_WORD
              + "){0,3})"
              + "\\s+(?<rest>[\\p{Lu}\"“‘(][\\p{Ll}\\s’'].*)$",
          Pattern.DOTALL);

  /** A bracketed label without a colon: {@code [SPEAKER_01] text}. */
  private static final Pattern BRACKETED =
      Pattern.compile(
          "^" + LEAD + "\\[(?<label>" + NAME + ")\\]\\s*(?<rest>\\S.*)$", Pattern.DOTALL);

  /**
   * A label glued into running text after a sentence end, as OCR'd records and one-line exports
   * have them: {@code ...the sentence.MR. X: Next speech}, {@code ...? JANE: Yes}.
   */
  private static final Pattern GLUED =
      Pattern.compile(
          "(?<=[.!?…\"”’)\\]])\\s*(?<label>(?:"
              + CAPS_TITLE.replace("\\s+", "\\s*")
              + ")?"
              + CAPS_WORD
              + "(?:\\s+"
              + CAPS_WORD
              + "){0,3}|"
              + LABEL_NAME
              + ")(?:\\s*\\([^()]{1,40}\\)){0,2}\\s*(?::|(?<=\\p{Lu}\\.?)\\.?[-–—]{1,2}(?=\\s))\\s*(?=\\S)");

  /** A period that ends an abbreviation, not a sentence: "MS. JEAN-PIERRE:" is one label. */
  private static final Pattern ABBREVIATION_BEFORE =
      Pattern.compile(
          "(?i)(?:^|[\\s(\\[\"“])(?:mr|mrs|ms|messrs|dr|st|prof|sen|rep|gov|gen|hon|rev|jr|sr|no|vs|lt|col|capt|sgt|u\\.s|[a-z])\\.$");

  /** Words that end in a colon at a paragraph start but introduce no speech. */
  private static final Set<String> NON_SPEECH_LABELS =
      Set.of(
          "photo",
          "photos",
          "photo credit",
          "photograph",
          "image",
          "images",
          "picture",
          "caption",
          "credit",
          "credits",
          "source",
          "sources",
          "tags",
          "related",
          "read more",
          "see also",
          "copyright",
          "published",
          "updated",
          "posted",
          "editor's note",
          "editor’s note",
          "note",
          "notes",
          "update",
          "title",
          "subject",
          "date",
          "location",
          "transcript",
          "video",
          "audio",
          "watch",
          "listen",
          "share",
          "translation",
          "translated by",
          "edited by",
          "contact",
          "break",
          "_page",
          "_images",
          "_note",
          "page",
          "chapter",
          "section",
          "part",
          "episode",
          "show notes",
          "sponsors",
          "sponsor",
          "links",
          "summary",
          "description",
          "topic",
          "topics",
          "keywords",
          "present",
          "presiding",
          "also present",
          "appearances",
          "index",
          "witnesses",
          "speakers",
          "place",
          "time",
          "dates",
          "length",
          "duration",
          "transcriber",
          "transcribed by",
          "recorded",
          "recording",
          "tape",
          "collection",
          "project",
          "language",
          "abstract",
          "biography",
          "bio",
          "interview date",
          "date of interview",
          "place of interview",
          "interview location",
          "format",
          "rights",
          "identifier",
          "citation",
          "categories",
          "category",
          "file",
          "filename",
          "url",
          "link",
          "website",
          "email",
          "phone",
          "agenda",
          "attendees",
          "participants",
          "members");

  /**
   * Paragraphs that are headings, not names, though they have a name's shape: section titles of
   * transcripts and reports, interjections that fill a line in speech-to-text output.
   */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "yes",
          "no",
          "yeah",
          "yep",
          "nope",
          "okay",
          "ok",
          "right",
          "sure",
          "exactly",
          "absolutely",
          "thanks",
          "thank you",
          "hello",
          "hi",
          "wow",
          "oh",
          "well",
          "so",
          "and",
          "but",
          "really",
          "true",
          "great",
          "good",
          "fine",
          "alright",
          "all right",
          "indeed",
          "correct",
          "hmm",
          "mm",
          "welcome",
          "everyone",
          "everybody",
          "bye",
          "goodbye",
          "cheers",
          "please",
          "sorry",
          "pardon",
          "uh",
          "um",
          "laughter",
          "applause",
          "end",
          "the end",
          "break",
          "intermission",
          "introduction",
          "conclusion",
          "summary",
          "contents",
          "table of contents",
          "index",
          "transcript",
          "notes",
          "appendix",
          "abstract",
          "questions",
          "answers",
          "questions and answers",
          "question and answer",
          "q&a",
          "q & a",
          "discussion",
          "presentation",
          "remarks",
          "opening remarks",
          "closing remarks",
          "opening statement",
          "closing statement",
          "agenda",
          "background",
          "overview",
          "outro",
          "intro",
          "prepared remarks",
          "question-and-answer session",
          "question and answer session",
          "interview",
          "biography",
          "speakers",
          "participants",
          "company participants",
          "conference call participants",
          "corporate participants",
          "cast",
          "credits",
          "disclaimer",
          "copyright",
          "part one",
          "part two",
          "part three",
          "session",
          "morning session",
          "afternoon session",
          "recess",
          "adjournment",
          "prayers",
          "petitions",
          "oral answers to questions",
          "written answers",
          "statements",
          "motion");

  private static final int MAX_LABEL_LENGTH = 90;

  /**
   * Words of titles and headings, not of names: "Thomson Reuters StreetEvents Event Transcript",
   * "Questions and Answers".
   */
  private static final Pattern HEADING_WORD =
      Pattern.compile(
          "(?i)\\b(?:transcript|transcription|call|conference|report|session|meeting|hearing|interview|episode|"
              + "edition|version|minutes|proceedings|agenda|remarks|statement|briefing|questions?|answers?|presentation|"
              + "introduction|conclusion|summary|contents|appendix|chapter|part|section|index|notes|earnings|results|"
              + "definitions|disclaimer|copyright)\\b");

  /**
   * The label at the start of the paragraph, if it has one of the shapes that are labels on sight
   * ({@link Shape#COLON}, {@link Shape#ANONYMOUS}, {@link Shape#FORMAL}, {@link Shape#TIMED}).
   */
  public Optional<Match> match(String paragraph) {
    // The segmenter asks of one line whether it opens with a label and whether it is a label alone.
    Memo memo = last;
    if (memo != null && memo.paragraph() == paragraph) {
      return memo.match();
    }
    Optional<Match> found = matchUncached(paragraph);
    last = new Memo(paragraph, found);
    return found;
  }

  /**
   * The last paragraph matched and its label: one immutable pair, so threads sharing this see a
   * whole one.
   */
  private record Memo(String paragraph, Optional<Match> match) {}

  private volatile Memo last;

  private Optional<Match> matchUncached(String paragraph) {
    Visible v = visible(paragraph);
    String p = v.text();
    if (!mayOpenWithLabel(p)) {
      return Optional.empty();
    }
    Matcher anonymous = ANONYMOUS.matcher(p);
    if (anonymous.matches()) {
      return Optional.of(
          new Match(
              anonymous.group("label"),
              null,
              v.from(anonymous.start("rest")),
              null,
              false,
              Shape.ANONYMOUS));
    }
    Matcher formal = FORMAL.matcher(p);
    if (formal.matches()) {
      String rest = formal.group("rest") == null ? "" : v.from(formal.start("rest"));
      return Optional.of(new Match(formal.group("label").strip(), null, rest, null, true));
    }
    Matcher timed = TIMED_NAME.matcher(p);
    if (timed.matches()) {
      return Optional.of(
          new Match(
              timed.group("label").strip(),
              null,
              "",
              Timestamps.seconds(timed.group("time")),
              false,
              Shape.TIMED));
    }
    Matcher named = NAMED.matcher(p);
    if (named.matches()) {
      String label = named.group("label").strip();
      boolean dash = named.group("end").indexOf(':') < 0 && named.group("end").indexOf('：') < 0;
      if (label.length() > MAX_LABEL_LENGTH || dash && !isAllCaps(label)) {
        return Optional.empty(); // "HON. J. USAMATE.- ...": a dash ends a label only in capitals
      }
      String alias = named.group("alias") == null ? null : named.group("alias").strip();
      if (alias != null && (alias.indexOf(',') >= 0 || alias.split("\\s+").length > 3)) {
        alias = null; // "(Birmingham, Erdington)": a constituency or a role, not another name
      }
      int restStart = named.start("rest");
      Double time = null;
      if (alias != null && Timestamps.seconds(alias) != null) {
        time = Timestamps.seconds(alias);
        alias = null;
      }
      Matcher timeFirst = TIME_ONLY.matcher(named.group("rest").strip());
      if (time == null && timeFirst.matches()) {
        time = Timestamps.seconds(timeFirst.group(1));
        restStart =
            timeFirst.group("rest") == null ? p.length() : restStart + timeFirst.start("rest");
      }
      return Optional.of(new Match(label, alias, v.from(restStart), time, false));
    }
    return Optional.empty();
  }

  /**
   * A label of any shape, including those that count only where the document repeats the style: a
   * name alone in its paragraph ({@link Shape#ALONE}), an upper-case label without a colon ({@link
   * Shape#CAPS}), a bracketed label without a colon ({@link Shape#BRACKET}).
   */
  public Optional<Match> candidate(String paragraph) {
    Optional<Match> strong = match(paragraph);
    if (strong.isPresent()) {
      return strong;
    }
    Visible v = visible(paragraph);
    String p = v.text();
    Matcher bracketed = BRACKETED.matcher(p);
    if (bracketed.matches() && !StageDirections.isDirection("[" + bracketed.group("label") + "]")) {
      return Optional.of(
          new Match(
              bracketed.group("label").strip(),
              null,
              v.from(bracketed.start("rest")),
              null,
              false,
              Shape.BRACKET));
    }
    Matcher alone = ALONE.matcher(p);
    if (alone.matches() && p.length() <= 160) {
      String label = alone.group("label").strip();
      // "He." alone is a reply; "ROPER." alone, in capitals, is a play's label
      boolean sentence =
          p.strip().endsWith(".") && !isAllCaps(label) && !label.matches(".*\\b\\p{Lu}\\.$");
      String desc = alone.group("desc") != null ? alone.group("desc") : alone.group("desc2");
      if (isNameLike(label)
          && !sentence
          && !HEADING_WORD.matcher(label).find()
          && (desc == null || isDescription(desc))) {
        String alias = alone.group("alias") == null ? null : alone.group("alias").strip();
        Double time = alone.group("time") == null ? null : Timestamps.seconds(alone.group("time"));
        return Optional.of(new Match(label, alias, "", time, false, Shape.ALONE));
      }
    }
    Matcher caps = CAPS.matcher(p);
    if (caps.matches()) {
      String label = caps.group("label").strip();
      if (isNameLike(label) && label.codePoints().filter(Character::isLetter).count() >= 2) {
        return Optional.of(
            new Match(label, null, v.from(caps.start("rest")), null, false, Shape.CAPS));
      }
    }
    return Optional.empty();
  }

  /** A label glued into a paragraph after a sentence end. */
  public record Glued(int start, int restStart, String label) {}

  /** The labels glued into the paragraph after its start (none at offset 0). */
  public List<Glued> glued(String paragraph) {
    List<Glued> out = new ArrayList<>();
    Matcher m = GLUED.matcher(paragraph);
    while (m.find()) {
      String label = m.group("label").strip();
      if (m.start("label") > 0
          && label.length() <= MAX_LABEL_LENGTH
          && !isNonSpeechLabel(label)
          && !ABBREVIATION_BEFORE
              .matcher(paragraph.substring(Math.max(0, m.start() - 12), m.start()))
              .find()) {
        out.add(new Glued(m.start("label"), m.end(), label));
      }
    }
    return out;
  }

  /**
   * True when a short phrase can be a speaker's name: not a heading, an interjection or a label
   * that introduces no speech, at most five words, and not ending like a sentence.
   */
  public static boolean isNameLike(String label) {
    String l = label.strip();
    String lower = l.toLowerCase(Locale.ROOT).replaceAll("[.:]+$", "");
    if (l.isEmpty()
        || NOT_NAMES.contains(lower)
        || isNonSpeechLabel(l)
        || l.split("\\s+").length > 5) {
      return false;
    }
    return !l.matches("(?s).*[!?,;]$");
  }

  private static final Pattern SMALL_WORD =
      Pattern.compile("(?:of|on|for|the|and|at|in|to|de|du|von|van|la|le|y|e|et|und|a|an)");

  /**
   * True for what may follow a name alone as its company or role ("Morgan Stanley, Research
   * Division - MD and Research Analyst"), not a sentence ("I see now that the gentleman..."): every
   * word capitalised, a number, a symbol or a small word.
   */
  static boolean isDescription(String text) {
    for (String w : text.strip().split("[\\s,()\\[\\]/]+")) {
      if (w.isEmpty()
          || !Character.isLetter(w.codePointAt(0))
          || !Character.isLowerCase(w.codePointAt(0))) {
        continue;
      }
      if (!SMALL_WORD.matcher(w).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the phrase has a word of titles and headings ("Transcript", "Questions", "Earnings").
   */
  public static boolean isHeading(String phrase) {
    return HEADING_WORD.matcher(phrase).find();
  }

  /**
   * Like {@link #isNameLike}, for a label before a colon, which may be a long office ("The Cabinet
   * Secretary for Roads and Transport").
   */
  public static boolean isLabelLike(String label) {
    String l = label.strip();
    String lower = l.toLowerCase(Locale.ROOT).replaceAll("[.:]+$", "");
    return !l.isEmpty()
        && !NOT_NAMES.contains(lower)
        && !isNonSpeechLabel(l)
        && l.split("\\s+").length <= 10
        && !l.matches("(?s).*[!?,;]$");
  }

  private static final Pattern WHOLE_NAME = Pattern.compile("^" + NAME + "$");

  /**
   * True when the text is a person's name or a speaker's label as written: "Jane Roe", "Dr. J.
   * Roe", "SPEAKER_01".
   */
  public static boolean isName(String text) {
    String t = text.strip();
    return WHOLE_NAME.matcher(t).matches() && isNameLike(t);
  }

  /**
   * True for the invisible formatting characters that may sit in a label as typed or exported: the
   * soft hyphen, the Arabic letter mark, zero-width space, non-joiner and joiner, the bidi marks,
   * embeddings, overrides and isolates (U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), the word
   * joiner and the invisible operators, the Mongolian vowel separator and a byte-order mark
   * (zero-width no-break space) left mid-text; and the Arabic tatweel (U+0640), a stretch of the
   * line between letters that changes no letter ({@code سـ:} is {@code س:}).
   */
  public static boolean isInvisible(int c) {
    return c == '\u00AD'
        || c == '\u061C'
        || c == '\u0640'
        || c == '\u180E'
        || (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2060' && c <= '\u206F')
        || c == '\uFEFF';
  }

  /** The text without invisible formatting characters and white space at its two ends. */
  public static String withoutInvisibleEdges(String text) {
    int start = 0;
    int end = text.length();
    while (start < end
        && (Character.isWhitespace(text.charAt(start)) || isInvisible(text.charAt(start)))) {
      start++;
    }
    while (end > start
        && (Character.isWhitespace(text.charAt(end - 1)) || isInvisible(text.charAt(end - 1)))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The number of characters at the start of a paragraph that are looked at for a label. */
  private static final int LABEL_REGION = 200;

  /**
   * A paragraph as labels are matched: without the invisible formatting characters of its label
   * region ({@code Q\u200B:}, {@code \u200FA:}, {@code INTER\u200DVIEWER:} match as {@code Q:},
   * {@code A:}, {@code INTERVIEWER:}), and where each of its characters was in the paragraph, so
   * that the speech after a label is taken as written.
   *
   * @param at per character of {@code text}, its index in {@code original}; null when they are the
   *     same
   */
  record Visible(String text, String original, int[] at) {
    /**
     * The paragraph as written from the character at {@code i} of {@code text} on, without white
     * space or invisible characters at its ends.
     */
    String from(int i) {
      int start =
          at == null
              ? Math.min(i, original.length())
              : i < text.length() ? at[i] : original.length();
      return withoutInvisibleEdges(original.substring(start));
    }
  }

  static Visible visible(String paragraph) {
    int n = Math.min(paragraph.length(), LABEL_REGION);
    int first = 0;
    while (first < n && !isInvisible(paragraph.charAt(first))) {
      first++;
    }
    if (first == n) {
      return new Visible(paragraph, paragraph, null);
    }
    StringBuilder sb = new StringBuilder(paragraph.length());
    int[] at = new int[paragraph.length()];
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if (i < n && isInvisible(c)) {
        continue;
      }
      at[sb.length()] = i;
      sb.append(c);
    }
    return new Visible(sb.toString(), paragraph, at);
  }

  /**
   * False when the paragraph cannot open with a label of a shape {@link #match} knows: no colon,
   * dash or period near its start (they end every such label) and no anonymous Q or A. Saves the
   * label patterns on most paragraphs of speech.
   */
  private static boolean mayOpenWithLabel(String p) {
    int n = Math.min(p.length(), MAX_LABEL_LENGTH + 120);
    for (int i = 0; i < n; i++) {
      char c = p.charAt(i);
      if (c == ':' || c == '：' || c == '.' || c == '-' || c == '–' || c == '—') {
        return true;
      }
    }
    String t = p.startsWith("**") ? p.substring(2) : p;
    return t.startsWith("Q") || t.startsWith("A");
  }

  /** A label alone on its line ("HOST:", "Jane Doe 0:03"): the text follows on the next line. */
  public boolean isLabelOnly(String line) {
    return match(line).filter(m -> m.rest().isEmpty() && !isNonSpeechLabel(m.label())).isPresent();
  }

  public boolean startsWithLabel(String line) {
    return match(line).filter(m -> !isNonSpeechLabel(m.label())).isPresent();
  }

  /** True for caption-like labels such as "Photo" or "Source" that introduce no speech. */
  public static boolean isNonSpeechLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    if (l.startsWith("by ") || l.equals("by")) {
      return true; // "BY MR. KAMARAJU:" in a court transcript says who examines, and speaks no
      // words
    }
    return NON_SPEECH_LABELS.contains(l) || LIST_HEADING.matcher(l).matches();
  }

  /** Cover-page list headings: "SENATE MEMBERS PRESENT", "ROUNDTABLE PARTICIPANTS". */
  private static final Pattern LIST_HEADING =
      Pattern.compile(
          ".*\\b(?:present|participants|members|appearances|witnesses|panelists|attendees|"
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

  /**
   * True when every letter of the label is upper case and it has at least two of them (letters of
   * scripts without case, such as Chinese or Arabic, are neither).
   */
  public static boolean isAllCaps(String label) {
    int letters = 0;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }
}

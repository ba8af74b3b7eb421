package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptnlp.model.Role;

/**
 * What a transcript says about its speakers before they speak, and what is therefore not speech:
 *
 * <ul>
 *   <li><b>header fields</b> at the top ({@code INTERVIEWEE: Jane Roe}, {@code INTERVIEWER: John
 *       Doe}, {@code DATE:}, {@code PLACE:}, ...) and the biography or abstract between them and
 *       the first speech (prose in the third person);
 *   <li><b>participant lists</b> ("Company Participants", "Conference Call Participants", "Cast",
 *       "Panelists", ...): one entry per paragraph, a name and perhaps a company or role ({@code
 *       Tim Cook - Chief Executive Officer}).
 * </ul>
 *
 * The names become known speakers (a label seen once that names one of them is a label) with the
 * role their field or list gives: an interviewer, host or analyst asks; an interviewee, narrator,
 * guest or company executive answers.
 */
final class DocumentHeader {
  /**
   * @param nonSpeech indexes of the paragraphs that are header fields, list headings or entries, or
   *     the biography
   * @param roles the role each named speaker has by the header (keys of {@link
   *     SpeakerRegistry#key})
   * @param names the names as written, in order
   */
  record Result(
      Set<Integer> nonSpeech, Map<String, Role> roles, List<String> names, boolean drama) {
    static final Result NONE = new Result(Set.of(), Map.of(), List.of(), false);
  }

  /**
   * A cast list's heading: the document is a play, whose characters neither interview nor answer.
   */
  private static final Pattern CAST_HEADING =
      Pattern.compile(
          "(?i)^(?:\\*\\*|__|#+\\s*)?(?:dramatis\\s+person(?:ae|æ)|persons\\s+(?:of\\s+the\\s+play|represented)|"
              + "cast(?:\\s+of\\s+characters)?|characters(?:\\s+in\\s+the\\s+play)?|the\\s+characters)(?:\\*\\*|__)?[:.]?$");

  /** Acts, scenes and entrances of a play. */
  private static final Pattern DRAMA_MARK =
      Pattern.compile(
          "(?i)^[\\[(_*]*(?:(?:act|scene)\\s+(?:[ivxlc]+|\\d+|one|two|three|four|five|first|second|third)\\b|"
              + "(?:enter|re-enter|exit|exeunt)\\b)");

  private static final Pattern FIELD =
      Pattern.compile(
          "^(?:\\*\\*|__)?(?<key>[\\p{L}][\\p{L}"
              + " ./&'’-]{1,38}?)(?:\\*\\*|__)?\\s*[:：](?:\\*\\*|__)?\\s*(?<value>.{0,160})$");

  /** Field names of transcript headers. */
  private static final Set<String> FIELDS =
      Set.of(
          "interviewee",
          "interviewees",
          "interviewer",
          "interviewers",
          "narrator",
          "interviewed by",
          "subject",
          "date",
          "dates",
          "interview date",
          "date of interview",
          "interview dates",
          "place",
          "location",
          "place of interview",
          "interview location",
          "time",
          "length",
          "duration",
          "transcriber",
          "transcribed by",
          "transcription",
          "transcriptionist",
          "edited by",
          "editor",
          "reviewed by",
          "collection",
          "project",
          "series",
          "tape",
          "tape number",
          "tapes",
          "session",
          "sessions",
          "language",
          "recorded",
          "recording",
          "audio",
          "video",
          "format",
          "rights",
          "copyright",
          "identifier",
          "accession number",
          "call number",
          "keywords",
          "abstract",
          "summary",
          "biography",
          "bio",
          "biographical note",
          "occupation",
          "born",
          "birthplace",
          "title",
          "event",
          "venue",
          "host",
          "hosts",
          "guest",
          "guests",
          "moderator",
          "speakers",
          "participants",
          "panelists",
          "present",
          "attendees",
          "others present",
          "also present",
          "interview number",
          "interview no",
          "source",
          "description",
          "topics",
          "topic",
          "subjects",
          "restrictions",
          "citation",
          "file",
          "tape length",
          "total length",
          "audio file",
          "video file",
          "transcript",
          "place of birth",
          "date of birth");

  private static final Set<String> ASKING_FIELDS =
      Set.of("interviewer", "interviewers", "interviewed by", "host", "hosts");
  private static final Set<String> ANSWERING_FIELDS =
      Set.of("interviewee", "interviewees", "narrator", "subject", "guest", "guests");

  /** Fields whose value names people: a value that is not names is speech. */
  private static final Set<String> NAME_FIELDS =
      Set.of(
          "moderator",
          "speakers",
          "participants",
          "panelists",
          "present",
          "attendees",
          "others present",
          "also present",
          "transcriber",
          "transcribed by",
          "edited by",
          "editor",
          "reviewed by",
          "transcriptionist");

  /** Fields whose value may be long prose. */
  private static final Set<String> LONG_FIELDS =
      Set.of(
          "abstract",
          "summary",
          "biography",
          "bio",
          "biographical note",
          "description",
          "keywords",
          "topics",
          "subjects",
          "citation",
          "restrictions",
          "rights",
          "copyright",
          "title",
          "collection",
          "project",
          "series",
          "source");

  /** Headings of participant lists. */
  private static final Pattern LIST_HEADING =
      Pattern.compile(
          "(?i)^(?:\\*\\*|__|#+\\s*)?(?<what>(?:company|corporate|conference\\s+call|call|executive|management|analysts?|"
              + "other|senate|house|committee|roundtable|panel)?\\s*(?:particip\\p{L}*|members|attendees|present|"
              + "speakers|panelists|panellists|presenters|presenting|executives|analysts|hosts|guests|cast(?:\\s+of\\s+characters)?|"
              + "characters|witnesses|appearances|in\\s+attendance|also\\s+present|interviewers?|interviewees?))"
              + "(?:\\*\\*|__)?\\s*[:：]?\\s*(?:\\*\\*|__)?$");

  /**
   * A list entry: a bullet, a name, perhaps a company or role after a dash, comma or parenthesis.
   */
  private static final Pattern ENTRY =
      Pattern.compile(
          "^(?:[*•·-]\\s+|\\d{1,2}[.)]\\s+)?(?:\\*\\*|__)?(?<name>[^,;:()|–—]+?)(?:\\*\\*|__)?"
              + "(?:\\s+[-–—|]\\s+(?<rest>.*)|\\s*[,;(]\\s*(?<rest2>.*)|\\s*[–—]\\s*(?<rest3>.*))?$");

  private static final Pattern FIRST_PERSON =
      Pattern.compile("\\b(?:I|I'm|I’m|my|me|we|our|us)\\b");

  private DocumentHeader() {}

  static Result scan(List<String> paragraphs) {
    Set<Integer> nonSpeech = new TreeSet<>();
    Map<String, Role> roles = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    fields(paragraphs, nonSpeech, roles, names);
    lists(paragraphs, nonSpeech, roles, names);
    boolean drama = drama(paragraphs);
    return nonSpeech.isEmpty() && names.isEmpty() && !drama
        ? Result.NONE
        : new Result(nonSpeech, roles, names, drama);
  }

  /** True for a play: a cast list, or acts, scenes and entrances marked again and again. */
  private static boolean drama(List<String> paragraphs) {
    int marks = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (p == null) {
        continue;
      }
      String t = p.strip();
      if (i < 200 && CAST_HEADING.matcher(t).matches()) {
        return true;
      }
      if (t.length() < 120 && DRAMA_MARK.matcher(t).find()) {
        marks++;
      }
    }
    return marks >= 3;
  }

  /**
   * Header fields at the top, the names on lines of their own under a name field ("INTERVIEWERS:
   * Sarah Schneider" then "David J. Caruso"), and the third-person prose (a biography, an abstract)
   * before, among or after them.
   */
  private static void fields(
      List<String> paragraphs,
      Set<Integer> nonSpeech,
      Map<String, Role> roles,
      List<String> names) {
    int fieldsSeen = 0;
    List<Integer> pendingProse = new ArrayList<>();
    Role lastNameField = null;
    boolean lastWasNameField = false;
    SpeakerLabels labels = new SpeakerLabels();
    int limit = Math.min(paragraphs.size(), 60);
    for (int i = 0; i < limit; i++) {
      String p = paragraphs.get(i);
      if (p == null) {
        break;
      }
      Matcher f = FIELD.matcher(p.strip());
      String key = f.matches() ? f.group("key").strip().toLowerCase(Locale.ROOT) : null;
      String value = key == null ? "" : f.group("value").strip();
      if (key != null && FIELDS.contains(key) && !value.isEmpty()) {
        boolean asking = ASKING_FIELDS.contains(key);
        boolean answering = ANSWERING_FIELDS.contains(key);
        boolean namesField = asking || answering || NAME_FIELDS.contains(key);
        if (namesField && !namesOnly(value)
            || !namesField && !LONG_FIELDS.contains(key) && value.split("\\s+").length > 14) {
          break; // "INTERVIEWER: So tell me..." and "MODERATOR: Thanks, everyone" are speech: the
          // header, if any, is over
        }
        nonSpeech.add(i);
        nonSpeech.addAll(pendingProse);
        pendingProse.clear();
        fieldsSeen++;
        lastWasNameField = namesField;
        lastNameField = asking ? Role.QUESTIONER : answering ? Role.RESPONDENT : null;
        if (asking || answering) {
          for (String name : splitNames(value)) {
            names.add(name);
            roles.put(SpeakerRegistry.key(name), lastNameField);
          }
        }
        continue;
      }
      if (fieldsSeen > 0 && lastWasNameField && labels.match(p).isEmpty() && namesOnly(p.strip())) {
        nonSpeech.add(i); // another name of the field above, on its own line
        for (String name : splitNames(p.strip())) {
          names.add(name);
          if (lastNameField != null) {
            roles.put(SpeakerRegistry.key(name), lastNameField);
          }
        }
        continue;
      }
      lastWasNameField = false;
      if (NonSpeech.isProse(p) && !FIRST_PERSON.matcher(p).find() && labels.match(p).isEmpty()) {
        if (fieldsSeen > 0) {
          nonSpeech.add(i); // the biography or abstract under the fields
        } else if (pendingProse.size() < 6) {
          pendingProse.add(i); // perhaps a biography above the fields
        } else {
          break;
        }
        continue;
      }
      if (!NonSpeech.isProse(p)
          && labels.match(p).isEmpty()
          && p.split("\\s+").length <= (fieldsSeen == 0 ? 25 : 12)) {
        continue; // a title, a heading or a note around the header
      }
      break;
    }
  }

  /** Participant lists: a heading, then one entry per paragraph. */
  private static void lists(
      List<String> paragraphs,
      Set<Integer> nonSpeech,
      Map<String, Role> roles,
      List<String> names) {
    int limit = Math.min(paragraphs.size(), Math.max(80, paragraphs.size() / 4));
    SpeakerLabels labels = new SpeakerLabels();
    for (int i = 0; i < limit; i++) {
      String p = paragraphs.get(i);
      if (p == null) {
        continue;
      }
      Matcher h = LIST_HEADING.matcher(p.strip());
      if (!h.matches()) {
        continue;
      }
      String what = h.group("what").toLowerCase(Locale.ROOT);
      Role role =
          what.contains("conference call")
                  || what.contains("analyst")
                  || what.startsWith("interviewer")
                  || what.startsWith("host")
              ? Role.QUESTIONER
              : what.startsWith("company")
                      || what.startsWith("corporate")
                      || what.startsWith("executive")
                      || what.startsWith("management")
                      || what.startsWith("interviewee")
                      || what.startsWith("guest")
                  ? Role.RESPONDENT
                  : null;
      List<Integer> entries = new ArrayList<>();
      Boolean withDetail = null;
      for (int j = i + 1; j < paragraphs.size() && entries.size() < 60; j++) {
        String e = paragraphs.get(j);
        if (e == null || LIST_HEADING.matcher(e.strip()).matches()) {
          break;
        }
        boolean detail = hasDetail(e);
        if (withDetail != null && withDetail && !detail) {
          break; // "Tim Cook - CEO" entries, then "Operator" alone: the call begins
        }
        withDetail = withDetail == null ? detail : withDetail;
        String name = entryName(e, labels);
        if (name == null && !entries.isEmpty() && isDetailLine(e)) {
          entries.add(j); // "Amazon.com, Inc. - CFO and SVP" under the name it describes
          continue;
        }
        String next = j + 1 < paragraphs.size() ? paragraphs.get(j + 1) : null;
        if (name == null
            || next != null && (NonSpeech.isProse(next) || next.split("\\s+").length >= 15)) {
          break; // an entry is followed by another entry or a heading; a name above speech is a
          // label
        }
        entries.add(j);
        names.add(name);
        Role r = e.toLowerCase(Locale.ROOT).matches(".*\\banalyst\\b.*") ? Role.QUESTIONER : role;
        if (r != null) {
          roles.putIfAbsent(SpeakerRegistry.key(name), r);
        }
      }
      if (!entries.isEmpty()) {
        nonSpeech.add(i);
        nonSpeech.addAll(entries);
        i = entries.get(entries.size() - 1);
      }
    }
  }

  /** True for the heading of a participant list or cast: "Company Participants", "Present:". */
  static boolean isListHeading(String paragraph) {
    return LIST_HEADING.matcher(paragraph.strip()).matches()
        || CAST_HEADING.matcher(paragraph.strip()).matches();
  }

  /** A line that describes the entry above it: a company and a role, no sentence. */
  private static boolean isDetailLine(String line) {
    String l = line.strip();
    return l.split("\\s+").length <= 16
        && !l.matches("(?s).*[!?]$")
        && l.matches("(?s).*(?:\\s[-–—]\\s|,).*")
        && new SpeakerLabels().match(l).isEmpty()
        && !SpeakerLabels.isName(l);
  }

  /** An entry with a company or role after the name: "Tim Cook - Chief Executive Officer". */
  private static boolean hasDetail(String entry) {
    Matcher m = ENTRY.matcher(entry.strip());
    return m.matches()
        && (m.group("rest") != null || m.group("rest2") != null || m.group("rest3") != null);
  }

  /** The name of a participant-list entry, or null when the paragraph is no entry. */
  private static String entryName(String paragraph, SpeakerLabels labels) {
    String p = paragraph.strip();
    if (p.split("\\s+").length > 16
        || p.matches("(?s).*[.!?]$")
            && !p.matches("(?s).*\\b(?:Inc|Corp|Co|Ltd|Jr|Sr|LLC|plc|S\\.A|N\\.V)\\.$")) {
      return null;
    }
    if (labels.match(p).filter(m -> !m.rest().isEmpty()).isPresent()) {
      return null; // "Jane Roe: Hello" is speech
    }
    Matcher m = ENTRY.matcher(p);
    if (!m.matches()) {
      return null;
    }
    String name = m.group("name").strip();
    return SpeakerLabels.isName(name) ? name : null;
  }

  /**
   * True when a field's value is one or more names: "Jane Roe", "Jane Roe and John Doe", "J. Roe,
   * B. Doe" (greetings and courtesies are no names: "HOST: Welcome." is speech).
   */
  private static boolean namesOnly(String value) {
    List<String> parts = splitNames(value);
    return !parts.isEmpty() && parts.stream().allMatch(SpeakerLabels::isName);
  }

  private static List<String> splitNames(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split("\\s*(?:,|;|&|\\band\\b|/)\\s*")) {
      String n = part.replaceAll("\\s*\\(.*\\)\\s*$", "").replaceAll("[*_]", "").strip();
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }
}

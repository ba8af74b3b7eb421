package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Turns the paragraphs of a transcript into speaker turns.
 *
 * <ol>
 *   <li>Paragraphs are prepared: a label wrapped over up to three lines is joined to its text,
 *       labels glued into running text ({@code ...built.MR. JONES: That is}) split off, a time
 *       before a paragraph taken as its start.
 *   <li>Around the speech: the document's header (fields, participant lists, a cast list) names
 *       speakers and gives roles ({@link DocumentHeader}); running heads and feet of printed pages,
 *       bylines, notes and end matter are no speech ({@link NonSpeech}).
 *   <li>A paragraph's speaker comes from the file's structure (a WebVTT voice, a JSON field) or
 *       from a label at its start, which {@link LabelLexicon} accepts from the document as a whole:
 *       the label's shape, its recurrence, the names the document gives elsewhere and the
 *       document's own style. Court examinations make the Q lines the examining lawyer's; clips and
 *       unnamed caption changes ({@code >>}) are their own turns.
 *   <li>Unlabelled paragraphs continue the current turn, unless there is evidence that the speaker
 *       changed (a question addressed to "you" inside a respondent's turn, a first-person answer
 *       after a question); such turns are marked {@code inferred}. A document with no label at all
 *       gets one of the {@link UnlabelledReadings} (questions set as paragraphs, a talk).
 *   <li>Stage directions are taken out of the text and recorded on the turn ({@link
 *       StageDirections}); roles come from {@link RoleInference}: who asks and who answers.
 * </ol>
 */
public final class TurnParser {
  private static final Pattern ENDS_WITH_QUESTION =
      Pattern.compile(".*\\?[\"”’')\\]»」』]*\\s*$", Pattern.DOTALL);
  private static final Pattern SECOND_PERSON =
      Pattern.compile("(?i)\\b(?:you|your|yours|yourself)\\b");

  /** A time before a paragraph: "[00:09:25] ...", "\[08:23\] ...", "(00:01:02) ...". */
  private static final Pattern LEADING_TIME =
      Pattern.compile(
          "^\\\\?[\\[(](" + Timestamps.CLOCK + ")\\\\?[\\])]\\s*(?<rest>.*)$", Pattern.DOTALL);

  /** A paragraph that is only a time: "0:00", "00:09:25", "[00:00:05:32]". */
  private static final Pattern TIME_ONLY =
      Pattern.compile("^\\\\?[\\[(]?(" + Timestamps.CLOCK + ")\\\\?[\\])]?$");

  /** Marks unlabelled prose before the first label. */
  private static final String PRE_LABEL = "pre-label";

  /** Marks text the source gives to a new, unnamed speaker (a caption cue opened by ">>"). */
  private static final String UNNAMED_CHANGE = "unnamed-change";

  /** The speaker of an unnamed change when no earlier speaker can be meant. */
  public static final String UNIDENTIFIED = "Unknown speaker";

  private final SpeakerLabels labels = new SpeakerLabels();
  private final RoleInference roles;

  public TurnParser() {
    this(Set.of(), Set.of());
  }

  /**
   * @param questioners labels or names forced to the questioner role
   * @param respondents labels or names forced to the respondent role
   */
  public TurnParser(Set<String> questioners, Set<String> respondents) {
    this.roles = new RoleInference(questioners, respondents);
  }

  /**
   * One paragraph with the speaker its label or the format names (null when unlabelled).
   *
   * @param how label | alias | format, or null when unlabelled
   */
  record Item(
      String text,
      String speaker,
      String label,
      String how,
      Double start,
      Double end,
      List<String> directions,
      boolean clip) {
    Item asClip(boolean clip) {
      return clip == this.clip
          ? this
          : new Item(text, speaker, label, how, start, end, directions, clip);
    }
  }

  /** Parses plain text or Markdown. */
  public ParsedTranscript parseText(String text) {
    return parse(new PlainTextSegmenter(labels).paragraphs(text));
  }

  /** Parses paragraphs that carry no speaker or timing of their own. */
  public ParsedTranscript parse(List<String> paragraphs) {
    return parseBlocks(paragraphs.stream().map(Block::text).toList());
  }

  /** Parses the blocks a format reader produced. */
  public ParsedTranscript parseBlocks(List<Block> blocks) {
    List<String> nonSpeech = new ArrayList<>();
    Labelled labelled = label(blocks, nonSpeech);
    if (labelled.items().stream()
        .noneMatch(i -> i.speaker != null || UNNAMED_CHANGE.equals(i.how))) {
      // No label anywhere: another reading may still find the speakers (questions set as
      // paragraphs, a monologue).
      UnlabelledReadings.Reading bold = UnlabelledReadings.read(blocks, labels);
      if (bold != null) {
        nonSpeech.clear();
        nonSpeech.addAll(bold.nonSpeech());
        labelled = bold.labelled();
      }
    }
    return turns(labelled, nonSpeech);
  }

  private ParsedTranscript turns(Labelled labelled, List<String> nonSpeech) {
    List<Item> items = labelled.items();

    // Pass 1: turns from labels alone, to learn who asks and who answers.
    RoleInference.Result inferred =
        roles.infer(group(items, null), labelled.headerRoles(), labelled.drama());
    Map<String, Role> roleOf = inferred.roleOf();
    // Pass 2: the same, now inferring unlabelled changes of speaker.
    List<Draft> drafts = group(items, inferred);

    if (inferred.main(Role.RESPONDENT) == null) {
      items.stream().filter(i -> PRE_LABEL.equals(i.how)).forEach(i -> nonSpeech.add(i.text));
    }
    List<Turn> turns = new ArrayList<>();
    for (Draft d : mergeAcrossSpeechless(drafts, nonSpeech)) {
      if (!d.paragraphs.isEmpty()) {
        turns.add(
            new Turn(
                turns.size(),
                d.speaker,
                d.label,
                roleOf.getOrDefault(d.speaker, Role.OTHER),
                d.paragraphs,
                d.inferred,
                d.how,
                d.start,
                d.end,
                d.directions));
      }
    }
    return new ParsedTranscript(turns, nonSpeech, labelled.styles());
  }

  /**
   * The labelled paragraphs, the roles the document's header gives, and what label styles were
   * found.
   */
  record Labelled(List<Item> items, Map<String, Role> headerRoles, boolean drama, String styles) {}

  private Labelled label(List<Block> blocks, List<String> nonSpeech) {
    blocks = splitGlued(joinWrappedLabels(blocks));
    List<String> texts = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    for (Block b : blocks) {
      String p = b.text().strip();
      Double time = b.startSeconds();
      Matcher lead = LEADING_TIME.matcher(p);
      if (lead.matches()) {
        time = time != null ? time : Timestamps.seconds(lead.group(1));
        p = lead.group("rest").strip();
      }
      texts.add(p);
      times.add(time);
    }
    List<String> unstructured = new ArrayList<>(texts.size());
    Set<String> known = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      unstructured.add(b.speaker() == null ? texts.get(i) : null);
      if (b.speaker() != null) {
        known.add(SpeakerRegistry.key(b.speaker()));
      }
    }
    Set<Integer> furniture = runningHeads(unstructured);
    SpeakerRegistry registry = new SpeakerRegistry();
    DocumentHeader.Result header = DocumentHeader.scan(unstructured);
    for (String name : header.names()) {
      known.add(SpeakerRegistry.key(registry.resolve(name)));
    }
    LabelLexicon lexicon = LabelLexicon.discover(unstructured, labels, known);
    for (int i = 0; i < blocks.size(); i++) {
      SpeakerLabels.Match m = lexicon.candidate(i);
      if (m != null && m.declaresAlias() && m.shape() == SpeakerLabels.Shape.COLON) {
        registry.declare(m.label(), m.alias());
      }
      if (m != null && m.startSeconds() != null && times.get(i) == null) {
        times.set(i, m.startSeconds());
      }
    }
    boolean talkBeforeLabels = talkBeforeLabels(texts, lexicon, header, blocks, registry);
    List<Item> items = new ArrayList<>();
    boolean seenSpeaker = false;
    boolean printedDocument = false;
    boolean clipNext = false;
    String examiner = null;
    Double pendingTime = null;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      String p = texts.get(i);
      Double time = times.get(i) != null ? times.get(i) : pendingTime;
      if (p.isEmpty()) {
        pendingTime = time;
        continue;
      }
      Matcher timeOnly = TIME_ONLY.matcher(p);
      if (timeOnly.matches() && block.speaker() == null) {
        pendingTime = Timestamps.seconds(timeOnly.group(1));
        continue;
      }
      if (header.nonSpeech().contains(i) || furniture.contains(i)) {
        nonSpeech.add(p);
        continue;
      }
      SpeakerLabels.Match m = lexicon.candidate(i);
      String[] dateline = NonSpeech.splitTrailingDateline(p);
      if (dateline != null) {
        nonSpeech.add(dateline[1]);
        p = dateline[0];
        if (m != null) {
          String[] rest = NonSpeech.splitTrailingDateline(m.rest());
          m = m.withRest(rest == null ? "" : rest[0]);
        }
      }
      if (m != null && SpeakerLabels.isNonSpeechLabel(m.label()) && block.speaker() == null) {
        Matcher by = EXAMINER.matcher(p);
        if (by.matches()) {
          examiner = by.group("name"); // "BY MS. MURRAY:": the "Q." lines after it are hers
        }
        nonSpeech.add(p);
        pendingTime = null;
        continue;
      }
      boolean labelled = block.speaker() != null || (m != null && lexicon.accepts(i, registry));
      if (printedDocument && !labelled) {
        // The text an "...as follows:" announced (a bill, an amendment) is a document, not speech.
        nonSpeech.add(p);
        continue;
      }
      printedDocument = false;
      if (!labelled && StageDirections.isOnlyDirections(p)) {
        nonSpeech.add(p);
        clipNext = Clips.starts(p) || (clipNext && !Clips.ends(p));
        continue;
      }
      Item added;
      if (block.speaker() != null) {
        seenSpeaker = true;
        added =
            item(
                block.text(),
                structuralSpeaker(block.speaker(), registry),
                block.speaker(),
                "format",
                time,
                block.endSeconds());
      } else if (labelled) {
        seenSpeaker = true;
        // "The SPEAKER pro tempore (Mr. Poe)": the office speaks; the holder is only noted in the
        // label.
        String name = m.formal() ? m.label().replaceAll("\\s*\\([^()]*\\)$", "") : m.label();
        if (examiner != null
            && m.shape() == SpeakerLabels.Shape.ANONYMOUS
            && m.label().equals("Q")) {
          name = examiner;
        }
        boolean declares = m.declaresAlias() && m.shape() == SpeakerLabels.Shape.COLON;
        String speaker = declares ? registry.declare(m.label(), m.alias()) : registry.resolve(name);
        boolean viaAlias =
            declares || !SpeakerRegistry.key(speaker).equals(SpeakerRegistry.key(name));
        String how = viaAlias ? "alias" : "label";
        String written = declares ? m.label() + "(" + m.alias() + ")" : m.label();
        added = item(m.rest(), speaker, written, how, time, block.endSeconds());
      } else if (block.speakerChange() && !NonSpeech.isNonSpeech(p)) {
        // the source marks a new speaker here without naming them (caption ">>")
        seenSpeaker = true;
        added = item(p, null, null, UNNAMED_CHANGE, time, block.endSeconds());
      } else if (NonSpeech.isNonSpeech(p)
          || (!seenSpeaker && (!NonSpeech.isProse(p) || !talkBeforeLabels))) {
        nonSpeech.add(p);
        // "The amendment is as follows:" and, after the speech, an index or a bibliography: what
        // follows, up to the next label, is a document, not speech.
        printedDocument = NonSpeech.announcesDocument(p) || seenSpeaker && NonSpeech.isEndMatter(p);
        continue;
      } else if (!seenSpeaker) {
        // Prose before the first label: a talk or statement whose speaker the source did not name.
        added = item(p, null, null, PRE_LABEL, time, block.endSeconds());
      } else {
        added = item(p, null, null, null, time, block.endSeconds());
      }
      if (added.speaker != null) {
        added = added.asClip(clipNext);
        clipNext = false;
      }
      for (String d : added.directions) {
        clipNext = Clips.starts(d) || (clipNext && !Clips.ends(d));
      }
      items.add(added);
      pendingTime = null;
    }
    return new Labelled(
        items,
        header.roles(),
        header.drama(),
        lexicon.describe()
            + (header.drama() ? "; a play: its characters neither ask nor answer" : ""));
  }

  /** A court transcript's examination marker: "BY MS. MURRAY:". */
  private static final Pattern EXAMINER =
      Pattern.compile(
          "^(?i:by)\\s+(?<name>(?:(?i:mr|mrs|ms|dr)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3})\\s*:\\s*$");

  private static final Pattern OFFICE_AND_HOLDER =
      Pattern.compile("^(?<office>[^()]+?)\\s*\\((?<holder>.+)\\)\\s*:?$");

  /**
   * The speaker a file's structure names, as a label would be read: "Le président (M. Pat Kelly
   * (Calgary Rocky Ridge, PCC))" is the chair, whose holder is noted; "M. Ronald J. Deibert
   * (professeur, Citizen Lab, University of Toronto)" is Mr. Deibert, whose affiliation is noted.
   */
  private static String structuralSpeaker(String written, SpeakerRegistry registry) {
    Matcher m = OFFICE_AND_HOLDER.matcher(written.strip());
    if (!m.matches()) {
      return registry.resolve(written.strip().replaceAll(":$", ""));
    }
    String office = m.group("office").strip();
    String holder = m.group("holder").replaceAll("\\s*\\([^()]*\\)\\s*$", "").strip();
    if (holder.indexOf(',') < 0 && SpeakerLabels.isName(holder) && !SpeakerLabels.isName(office)) {
      return registry.declare(office, holder);
    }
    return registry.resolve(office);
  }

  /**
   * True when unlabelled prose before the first label is a talk (first-person speech: "I'm going to
   * talk about...") rather than front matter (an abstract, a biography in the third person).
   */
  private boolean talkBeforeLabels(
      List<String> texts,
      LabelLexicon lexicon,
      DocumentHeader.Result header,
      List<Block> blocks,
      SpeakerRegistry registry) {
    int prose = 0;
    int firstPerson = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (blocks.get(i).speaker() != null
          || (lexicon.candidate(i) != null && lexicon.acceptsQuietly(i, registry))) {
        break;
      }
      String p = texts.get(i);
      if (header.nonSpeech().contains(i) || !NonSpeech.isProse(p) || NonSpeech.isNonSpeech(p)) {
        continue;
      }
      prose++;
      if (FIRST_PERSON_ANYWHERE.matcher(p).find()) {
        firstPerson++;
      }
    }
    return prose > 0 && firstPerson * 10 >= prose * 3;
  }

  private static final Set<String> SMALL_WORDS =
      Set.of(
          "of", "the", "and", "on", "in", "for", "to", "a", "an", "at", "by", "de", "du", "la",
          "le", "et", "und", "der");

  private static boolean looksLikeAHead(String p) {
    if (p.chars().anyMatch(Character::isDigit)) {
      return true;
    }
    for (String w : p.strip().split("\\s+")) {
      int c = w.codePoints().filter(Character::isLetter).findFirst().orElse(-1);
      if (c >= 0 && Character.isLowerCase(c) && !SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern FIRST_PERSON_ANYWHERE =
      Pattern.compile(
          "\\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|me|we|we're|we’re|our|us)\\b");

  /**
   * Running heads and feet of printed pages that reached the text (a PDF turned into HTML or text):
   * short paragraphs that recur three times or more, with their digits ignored ("Page 21", "15 th
   * April, 2024", "Questions"), that are written as heads are (a digit, or every word capitalised
   * but the small ones: "I don't know" said three times is speech), and that are not labels.
   */
  private Set<Integer> runningHeads(List<String> paragraphs) {
    Map<String, List<Integer>> where = new HashMap<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (p == null
          || p.isBlank()
          || p.split("\\s+").length > 6
          || p.strip().matches("(?s).*[.?!…\"”’)]$")
          || !looksLikeAHead(p)) {
        continue;
      }
      where
          .computeIfAbsent(
              p.strip().replaceAll("\\d+", "#").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(i);
    }
    Set<Integer> out = new HashSet<>();
    for (List<Integer> at : where.values()) {
      if (at.size() >= 3
          && labels.candidate(paragraphs.get(at.get(0))).isEmpty()
          && !StageDirections.isOnlyDirections(paragraphs.get(at.get(0)))
          && !Utterances.kind(paragraphs.get(at.get(0))).equals(Utterances.Kind.COURTESY)) {
        out.addAll(at);
      }
    }
    return out;
  }

  /**
   * The start of a label that wrapped onto the next line: capitalised words, no sentence end, no
   * colon.
   */
  private static final Pattern LABEL_HEAD =
      Pattern.compile(
          "^(?:\\p{Lu}[\\p{L}\\p{M}'’.&/-]*,?)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.&/-]*|&|of|on|for|the|and|at|in|to)[,]?){1,11}$");

  /**
   * Joins a label that a printed page wrapped onto a second line ("SENATOR TIM KENNEDY, CHAIR,
   * SENATE" then "STANDING COMMITTEE ON TRANSPORTATION: Well, ..."): the first part, alone in its
   * paragraph, is joined to the next when only together do they make one label.
   */
  private List<Block> joinWrappedLabels(List<Block> blocks) {
    List<Block> out = new ArrayList<>(blocks.size());
    boolean changed = false;
    for (int i = 0; i < blocks.size(); i++) {
      // the head may itself have wrapped: up to three lines of a label before the one with the
      // colon
      int last = i;
      while (last < blocks.size() && last - i < 3 && isLabelHead(blocks.get(last))) {
        last++;
      }
      Block next = last > i && last < blocks.size() ? blocks.get(last) : null;
      SpeakerLabels.Match alone =
          next == null || next.speaker() != null
              ? null
              : labels.match(next.text().strip()).orElse(null);
      if (alone != null && alone.shape() == SpeakerLabels.Shape.COLON) {
        StringBuilder heads = new StringBuilder();
        for (int j = i; j < last; j++) {
          heads.append(blocks.get(j).text().strip()).append(' ');
        }
        String joinedText = heads + next.text().strip();
        SpeakerLabels.Match joined = labels.match(joinedText).orElse(null);
        if (joined != null
            && joined.rest().equals(alone.rest())
            && joinedText.startsWith(joined.label())) {
          out.add(
              new Block(
                  joinedText,
                  null,
                  blocks.get(i).startSeconds(),
                  next.endSeconds(),
                  blocks.get(i).speakerChange()));
          i = last;
          changed = true;
          continue;
        }
      }
      out.add(blocks.get(i));
    }
    return changed ? out : blocks;
  }

  /** Only a label in capitals, or one cut after a comma, wraps onto the next line. */
  private static boolean isLabelHead(Block b) {
    String h = b.text().strip();
    return b.speaker() == null
        && h.length() <= 80
        && LABEL_HEAD.matcher(h).matches()
        && (h.endsWith(",") || SpeakerLabels.isAllCaps(h));
  }

  /**
   * Splits blocks that hold labels glued into their running text ({@link LabelLexicon#splitGlued}).
   */
  private List<Block> splitGlued(List<Block> blocks) {
    List<String> texts = blocks.stream().map(b -> b.speaker() == null ? b.text() : null).toList();
    List<List<String>> pieces = LabelLexicon.splitGlued(texts, labels);
    if (pieces.stream().allMatch(l -> l.size() <= 1)) {
      return blocks;
    }
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      List<String> ps = pieces.get(i);
      if (ps.size() <= 1) {
        out.add(b);
        continue;
      }
      for (int j = 0; j < ps.size(); j++) {
        out.add(
            new Block(
                ps.get(j),
                null,
                j == 0 ? b.startSeconds() : null,
                j == ps.size() - 1 ? b.endSeconds() : null,
                j == 0 && b.speakerChange()));
      }
    }
    return out;
  }

  static Item item(
      String text, String speaker, String label, String how, Double start, Double end) {
    String t = text.strip();
    if (StageDirections.isOnlyDirections(t)) {
      // "MS. JEAN-PIERRE: (OFF-MIKE)": a direction of any wording, not speech
      return new Item("", speaker, label, how, start, end, List.of(t), false);
    }
    StageDirections.Split split = StageDirections.split(t);
    return new Item(split.speech(), speaker, label, how, start, end, split.directions(), false);
  }

  /** A turn being built. */
  static final class Draft {
    final String speaker;
    final String label;
    final boolean inferred;
    final String how;
    final List<String> paragraphs = new ArrayList<>();
    final List<String> directions = new ArrayList<>();
    Double start;
    Double end;

    /** The voice of recorded material played inside the show (a soundbite, an ad). */
    boolean clip;

    Draft(String speaker, String label, boolean inferred, String how) {
      this.speaker = speaker;
      this.label = label;
      this.inferred = inferred;
      this.how = how;
    }

    String lastParagraph() {
      return paragraphs.isEmpty() ? "" : paragraphs.get(paragraphs.size() - 1);
    }

    void add(Item item) {
      if (!item.text.isBlank()) {
        paragraphs.add(item.text.strip());
      }
      directions.addAll(item.directions);
      if (start == null) {
        start = item.start;
      }
      if (item.end != null) {
        end = item.end;
      }
    }

    /** Takes over a later draft of the same speaker: its paragraphs, directions and end. */
    void absorb(Draft later) {
      paragraphs.addAll(later.paragraphs);
      directions.addAll(later.directions);
      if (later.end != null) {
        end = later.end;
      }
    }
  }

  /**
   * Drops turns with no speech (only a stage direction, such as "MS. JEAN-PIERRE: (Laughs.)"),
   * recording their directions as non-speech, and joins the turns on either side when one speaker
   * had them: the laugh does not split that speaker's turn in two.
   */
  private static List<Draft> mergeAcrossSpeechless(List<Draft> drafts, List<String> nonSpeech) {
    List<Draft> out = new ArrayList<>();
    boolean droppedSince = false;
    for (Draft d : drafts) {
      if (d.paragraphs.isEmpty()) {
        nonSpeech.addAll(d.directions);
        droppedSince = true;
        continue;
      }
      Draft last = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean merge = last != null && last.speaker.equals(d.speaker) && droppedSince;
      droppedSince = false;
      if (merge) {
        last.absorb(d);
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /** Groups items into turns; with roles known, also infers unlabelled changes of speaker. */
  private List<Draft> group(List<Item> items, RoleInference.Result known) {
    Map<String, Role> roleOf = known == null ? Map.of() : known.roleOf();
    List<Draft> drafts = new ArrayList<>();
    Map<Role, String> lastSpeakerIn = new LinkedHashMap<>();
    Draft current = null;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Item next = i + 1 < items.size() ? items.get(i + 1) : null;
      if (item.speaker != null) {
        // Consecutive "Q" labels are different (anonymous) reporters: each starts a turn.
        boolean anotherAnonymous =
            "Q".equals(item.label) && "Q".equals(current == null ? null : current.speaker);
        if (current == null
            || !current.speaker.equals(item.speaker)
            || anotherAnonymous
            || current.clip != item.clip) {
          current =
              new Draft(
                  item.speaker,
                  item.label,
                  item.how != null && item.how.startsWith("inferred"),
                  item.how);
          current.clip = item.clip;
          drafts.add(current);
        }
        current.add(item);
      } else if (UNNAMED_CHANGE.equals(item.how)) {
        // The source marks a new speaker without a name: in a conversation, the one who spoke
        // before.
        String before = speakerBefore(drafts, current == null ? null : current.speaker);
        current =
            new Draft(
                before == null ? UNIDENTIFIED : before,
                null,
                true,
                before == null
                    ? "inferred: the source marks a change of speaker and names no one"
                    : "inferred: the source marks a change of speaker; the one who spoke before");
        drafts.add(current);
        current.add(item);
      } else if (PRE_LABEL.equals(item.how)) {
        // Opening prose (a talk before its Q&A) belongs to the main respondent, if there is one.
        String respondent = known == null ? null : known.main(Role.RESPONDENT);
        if (respondent == null) {
          continue;
        }
        if (current == null) {
          current =
              new Draft(
                  respondent,
                  null,
                  true,
                  "inferred: unlabelled prose before the first label, by the main respondent");
          drafts.add(current);
        }
        current.add(item);
      } else if (current != null) {
        Role role = roleOf.getOrDefault(current.speaker, Role.OTHER);
        String switchTo = null;
        String evidence = null;
        // Pass 1 knows no roles (every speaker is "other"), so it never gets to these.
        String questioner =
            known == null
                ? null
                : lastSpeakerIn.getOrDefault(Role.QUESTIONER, known.main(Role.QUESTIONER));
        String respondent =
            known == null
                ? null
                : lastSpeakerIn.getOrDefault(Role.RESPONDENT, known.main(Role.RESPONDENT));
        if (role == Role.RESPONDENT
            && isQuestionToRespondent(item.text)
            && next != null
            && ((next.speaker == null
                    && !PRE_LABEL.equals(next.how)
                    && looksLikeAnAnswer(next.text))
                || current.speaker.equals(next.speaker))) {
          switchTo = questioner;
          evidence = "inferred: a question put to the respondent";
        } else if (role == Role.QUESTIONER
            && isQuestionToRespondent(current.lastParagraph())
            && looksLikeAnAnswer(item.text)
            && singleRespondent(roleOf)
            && !java.util.Objects.equals(respondent, nextLabelled(items, i))) {
          switchTo = respondent;
          evidence = "inferred: an answer after a question";
        } else if (role == Role.QUESTIONER
            && "Q".equals(current.speaker)
            && Utterances.withLatinPunctuation(item.text).indexOf('?') < 0
            && item.text.split("\\s+").length >= 8
            && "A".equals(known.main(Role.RESPONDENT))) {
          // In a talk with anonymous Q/A, an audience question is one paragraph; prose after it is
          // the talk resuming. (A named reporter's question may run over several paragraphs.)
          switchTo = known.main(Role.RESPONDENT);
          evidence = "inferred: the talk resumes after an audience question";
        }
        if (switchTo != null && !switchTo.equals(current.speaker)) {
          current = new Draft(switchTo, null, true, evidence);
          drafts.add(current);
        }
        current.add(item);
      }
      if (current != null) {
        lastSpeakerIn.put(roleOf.getOrDefault(current.speaker, Role.OTHER), current.speaker);
      }
    }
    return drafts;
  }

  /** The last speaker before the current one who is not {@code current}, or null. */
  private static String speakerBefore(List<Draft> drafts, String current) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      String s = drafts.get(i).speaker;
      if (!s.equals(current) && !s.equals(UNIDENTIFIED)) {
        return s;
      }
    }
    return null;
  }

  /** A paragraph that puts a question: one of its last two sentences ends in "?". */
  static boolean asksQuestion(String paragraph) {
    String p = Utterances.withLatinPunctuation(paragraph).strip();
    int q = p.lastIndexOf('?');
    if (q < 0) {
      return false;
    }
    String after = p.substring(q + 1);
    return after.split("(?<=[.!?])\\s+").length <= 2 && after.length() < 120;
  }

  /** The speaker of the next labelled paragraph after position i, or "" when there is none. */
  private static String nextLabelled(List<Item> items, int i) {
    for (int j = i + 1; j < items.size(); j++) {
      if (items.get(j).speaker != null) {
        return items.get(j).speaker;
      }
    }
    return "";
  }

  /** One respondent: an interview, where an unlabelled answer can only be theirs. */
  private static boolean singleRespondent(Map<String, Role> roleOf) {
    return roleOf.values().stream().filter(r -> r == Role.RESPONDENT).count() == 1;
  }

  static boolean isQuestion(String paragraph) {
    return ENDS_WITH_QUESTION.matcher(Utterances.withLatinPunctuation(paragraph)).matches();
  }

  private static final Pattern FIRST_PERSON =
      Pattern.compile("\\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|me|mine)\\b");
  private static final Pattern FIRST_SENTENCE =
      Pattern.compile("^.*?(?:[.!?](?=\\s|$)|$)", Pattern.DOTALL);

  /**
   * An unlabelled paragraph after a question that reads as the answer: no question in it, and its
   * first sentence speaks in the first person ("As I said, ...", "During my first trips ..."). A
   * question that goes on over several paragraphs ("And for you, President Biden, ...") does not.
   */
  static boolean looksLikeAnAnswer(String paragraph) {
    if (paragraph.isBlank() || Utterances.withLatinPunctuation(paragraph).indexOf('?') >= 0) {
      return false;
    }
    Matcher first = FIRST_SENTENCE.matcher(paragraph.strip());
    return first.find() && FIRST_PERSON.matcher(first.group()).find();
  }

  /** A question put to the respondent: it ends in "?" and addresses "you". */
  static boolean isQuestionToRespondent(String paragraph) {
    return isQuestion(paragraph) && SECOND_PERSON.matcher(paragraph).find();
  }
}

package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.transcriptnlp.parse.SpeakerLabels.Match;
import org.transcriptnlp.parse.SpeakerLabels.Shape;

/**
 * The speaker labels of one document, found from their recurrence, position and shape with the
 * known styles as priors.
 *
 * <p>Every paragraph is looked at for a label candidate of any shape ({@link
 * SpeakerLabels#candidate}). A candidate is a speaker's label when:
 *
 * <ul>
 *   <li>its shape is unambiguous and it is a label on sight: an alias declaration, a GPO-style
 *       {@code Mr. WARNER.}, the anonymous {@code Q} (and {@code A} where someone asks {@code Q}),
 *       a label in capitals or with an honorific or office, a question or answer label of another
 *       language where its other half opens paragraphs too ({@link QaLabels}: {@code В:} and {@code
 *       О:}, {@code س:} and {@code ج:});
 *   <li>or it recurs: the same label at two or more paragraph starts;
 *   <li>or the document names it elsewhere: a participant list, a header field, a speaker named by
 *       the file's structure, the surname or initials of a speaker already known;
 *   <li>or it is written in the document's own style: once the document has shown a style with at
 *       least two recurring speakers (names alone in their paragraphs, upper-case labels without a
 *       colon, {@code Name:} labels), a name-like label of that style seen only once (a guest's
 *       single remark) is a label too, unless it sits in a run of such once-seen labels (a list:
 *       "Economy: ...", "Health: ...") or its text starts in lower case ("Kazakhstan: the word").
 * </ul>
 *
 * <p>A name alone in its paragraph, an upper-case label without a colon and a bracketed label
 * without a colon are never labels on sight: a heading or a sentence looks the same, so only
 * recurrence, the document's naming or its established style make them labels.
 */
final class LabelLexicon {
  /** Recurrence of one label. */
  private static final class Stats {
    int count;
    final Map<Shape, Integer> byShape = new EnumMap<>(Shape.class);
    int upperRest;
  }

  private final List<String> paragraphs;
  private final List<Match> candidates;
  private final List<Boolean> speechAfter;
  private final Map<String, Stats> stats = new LinkedHashMap<>();
  private final Set<String> known;

  /** Shapes seen with at least two recurring labels: the document's own styles. */
  private final Set<Shape> established = new HashSet<>();

  /**
   * Shapes whose recurring labels are mostly single words ("Lex:", "SAM"): first names or surnames.
   */
  private final Set<Shape> singleWordNames = new HashSet<>();

  private final Map<Shape, String> formatting = new EnumMap<>(Shape.class);
  private final Map<String, Integer> accepted = new TreeMap<>();

  private LabelLexicon(
      List<String> paragraphs,
      List<Match> candidates,
      List<Boolean> speechAfter,
      Set<String> known) {
    this.paragraphs = paragraphs;
    this.candidates = candidates;
    this.speechAfter = speechAfter;
    this.known = known;
  }

  /**
   * @param paragraphs the document's paragraphs (null for those the file's structure attributes)
   * @param known keys ({@link SpeakerRegistry#key}) of speakers the document names elsewhere
   */
  static LabelLexicon discover(List<String> paragraphs, SpeakerLabels labels, Set<String> known) {
    List<Match> candidates = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      candidates.add(p == null ? null : labels.candidate(p).orElse(null));
    }
    List<Boolean> speechAfter = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      speechAfter.add(
          i + 1 < paragraphs.size() && isSpeech(paragraphs.get(i + 1), candidates.get(i + 1)));
    }
    LabelLexicon lexicon = new LabelLexicon(paragraphs, candidates, speechAfter, known);
    lexicon.count();
    return lexicon;
  }

  /** A paragraph that can follow a label alone: text that is not itself a label or a heading. */
  private static boolean isSpeech(String p, Match candidate) {
    if (p == null) {
      return false;
    }
    if (candidate != null) {
      // "JANE: Hello" after "JANE" alone is unusual; a label-only paragraph after one is a heading
      // pair
      return candidate.shape() != Shape.ALONE && !candidate.rest().isEmpty();
    }
    return !p.isBlank()
        && !p.startsWith("#")
        && (p.split("\\s+").length >= 8 || p.matches("(?s).*[.!?…\"”]$"));
  }

  private void count() {
    for (int i = 0; i < candidates.size(); i++) {
      Match m = candidates.get(i);
      if (m == null || SpeakerLabels.isNonSpeechLabel(m.label())) {
        continue;
      }
      if (m.shape() == Shape.ALONE && !speechAfter.get(i)) {
        continue;
      }
      Stats s = stats.computeIfAbsent(SpeakerRegistry.key(m.label()), k -> new Stats());
      s.count++;
      s.byShape.merge(m.shape(), 1, Integer::sum);
      if (!m.rest().isEmpty() && !Character.isLowerCase(m.rest().codePointAt(0))) {
        s.upperRest++;
      }
    }
    // A style is the document's own when two different labels of that shape recur.
    Map<Shape, Integer> recurring = new EnumMap<>(Shape.class);
    for (Stats s : stats.values()) {
      for (Map.Entry<Shape, Integer> e : s.byShape.entrySet()) {
        if (e.getValue() >= 2) {
          recurring.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    Map<Shape, Integer> total = new EnumMap<>(Shape.class);
    for (Stats s : stats.values()) {
      s.byShape.forEach((shape, n) -> total.merge(shape, n, Integer::sum));
    }
    Map<Shape, int[]> words = new EnumMap<>(Shape.class);
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      for (Map.Entry<Shape, Integer> byShape : e.getValue().byShape.entrySet()) {
        // "HOST:", "GUEST:" name roles, not people: they say nothing of how names are written
        if (byShape.getValue() >= 2
            && !(SpeakerLabels.hasTitle(e.getKey()) && !e.getKey().contains(" "))) {
          words
              .computeIfAbsent(byShape.getKey(), k -> new int[2])[
              e.getKey().contains(" ") ? 1 : 0]++;
        }
      }
    }
    words.forEach(
        (shape, n) -> {
          if (n[0] >= 2 && n[0] >= n[1]) {
            singleWordNames.add(shape);
          }
        });
    int colon = total.getOrDefault(Shape.COLON, 0);
    recurring.forEach(
        (shape, n) -> {
          // A weak style beside a document full of "Name:" labels is headings, a cover page, a
          // list.
          boolean dominated =
              (shape == Shape.ALONE || shape == Shape.CAPS || shape == Shape.BRACKET)
                  && total.getOrDefault(shape, 0) * 10 < colon * 3;
          if (n >= 2 && !dominated) {
            established.add(shape);
          }
        });
    // How the document writes its names alone: bold, capitals or plain.
    Map<String, Integer> looks = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      Match m = candidates.get(i);
      if (m != null && m.shape() == Shape.ALONE && speechAfter.get(i)) {
        looks.merge(look(paragraphs.get(i), m.label()), 1, Integer::sum);
      }
    }
    looks.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(e -> formatting.put(Shape.ALONE, e.getKey()));
  }

  private static boolean boldLead(String paragraph) {
    String p = paragraph.strip();
    return p.startsWith("**") || p.startsWith("__");
  }

  private static String look(String paragraph, String label) {
    if (paragraph.strip().startsWith("**") || paragraph.strip().startsWith("__")) {
      return "bold";
    }
    return SpeakerLabels.isAllCaps(label) ? "caps" : "plain";
  }

  /** The candidate label of paragraph i, or null. */
  Match candidate(int i) {
    return candidates.get(i);
  }

  /** True when the candidate of paragraph i is a speaker's label; counted for {@link #describe}. */
  boolean accepts(int i, SpeakerRegistry registry) {
    boolean ok = acceptsQuietly(i, registry);
    if (ok) {
      accepted.merge(candidates.get(i).shape().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return ok;
  }

  /** True when the candidate of paragraph i is a speaker's label (see the class comment). */
  boolean acceptsQuietly(int i, SpeakerRegistry registry) {
    Match m = candidates.get(i);
    if (m == null || SpeakerLabels.isNonSpeechLabel(m.label())) {
      return false;
    }
    String key = SpeakerRegistry.key(m.label());
    Stats s = stats.get(key);
    int count = s == null ? 0 : s.count;
    boolean knownHere = known.contains(key) || registry.knows(m.label());
    boolean ok =
        switch (m.shape()) {
          // "A" where someone asks "Q" (or "F:", "V:": German, Dutch)
          case ANONYMOUS -> m.label().equals("Q") || QaLabels.paired(key, stats.keySet());
          case FORMAL -> true;
          case COLON, TIMED ->
              m.declaresAlias()
                  || count >= 2
                  || knownHere
                  // "В:" and "О:", "س:" and "ج:": a question label and its answer label, each seen
                  // once
                  || QaLabels.paired(key, stats.keySet())
                  // "PRELIMINARY TRANSCRIPT:" in a disclaimer is a heading in capitals, not a
                  // speaker
                  || SpeakerLabels.isAllCaps(m.label())
                      && !(SpeakerLabels.isHeading(m.label()) && m.label().contains(" "))
                  || SpeakerLabels.hasTitle(m.label())
                  || inStyle(i, m, Shape.COLON)
                  // "**Mary Major:** Can I ask...": a name set in bold before speech is a label
                  // even once
                  || boldLead(paragraphs.get(i))
                      && SpeakerLabels.isName(m.label())
                      && !m.rest().isEmpty()
                      && !Character.isLowerCase(m.rest().codePointAt(0));
          case ALONE ->
              speechAfter.get(i)
                  && (knownHere
                      || key.equals("operator")
                      || (count >= 2
                          && (established.contains(Shape.ALONE)
                              || SpeakerLabels.hasTitle(m.label())))
                      || (established.contains(Shape.ALONE)
                          && look(paragraphs.get(i), m.label()).equals(formatting.get(Shape.ALONE))
                          && onceSeenIsAName(i, m)));
          // "NASA Administrator..." opens paragraphs too: one capitalised word alone needs a title
          // or naming
          case CAPS ->
              knownHere
                  || (count >= 2
                      && (established.contains(Shape.CAPS)
                              && (m.label().strip().contains(" ")
                                  || SpeakerLabels.hasTitle(m.label())
                                  || singleWordNames.contains(Shape.CAPS))
                          || SpeakerLabels.hasTitle(m.label()) && count >= 3))
                  || (established.contains(Shape.CAPS)
                      && SpeakerLabels.hasTitle(m.label())
                      && onceSeenIsAName(i, m));
          case BRACKET -> count >= 2 || knownHere || m.label().matches("(?i)speaker[ _]?\\d+");
        };
    return ok;
  }

  /**
   * A {@code Name:} label seen once, in a document whose {@code Name:} labels are its style: a
   * guest's single remark. Not when its text starts in lower case ("Kazakhstan: the word"), when
   * the paragraph before announces a list, or when a neighbour is another once-seen label (a list).
   */
  private boolean inStyle(int i, Match m, Shape shape) {
    return established.contains(shape)
        && !m.rest().isEmpty()
        && !Character.isLowerCase(m.rest().codePointAt(0))
        && onceSeenIsAName(i, m);
  }

  private boolean onceSeenIsAName(int i, Match m) {
    if (!SpeakerLabels.isNameLike(m.label())) {
      return false;
    }
    // "Spoiler: ..." beside "Jane Doe:" labels: a single word is a name only where names are single
    // words
    if (!m.label().strip().contains(" ")
        && !SpeakerLabels.hasTitle(m.label())
        && !singleWordNames.contains(m.shape())) {
      return false;
    }
    if (i > 0 && paragraphs.get(i - 1) != null && paragraphs.get(i - 1).strip().endsWith(":")) {
      return false;
    }
    String sig = signature(m.label());
    return !onceSeenNeighbour(i - 1, sig) && !onceSeenNeighbour(i + 1, sig);
  }

  private boolean onceSeenNeighbour(int j, String signature) {
    if (j < 0
        || j >= candidates.size()
        || candidates.get(j) == null
        || !signature(candidates.get(j).label()).equals(signature)) {
      return false;
    }
    Match n = candidates.get(j);
    Stats s = stats.get(SpeakerRegistry.key(n.label()));
    return s != null
        && s.count == 1
        && !known.contains(SpeakerRegistry.key(n.label()))
        && (n.shape() == Shape.COLON || n.shape() == Shape.ALONE || n.shape() == Shape.CAPS);
  }

  /** How a label looks, to tell list items ("Economy:", "Health:") from names beside them. */
  private static String signature(String label) {
    String l = label.strip();
    boolean caseless =
        l.codePoints()
            .anyMatch(
                c ->
                    Character.isLetter(c)
                        && !Character.isUpperCase(c)
                        && !Character.isLowerCase(c));
    int words = l.split("\\s+").length;
    return (caseless ? "caseless" : SpeakerLabels.isAllCaps(l) ? "caps" : "title")
        + ":"
        + Math.min(words, 3);
  }

  /**
   * Splits paragraphs at labels glued into running text after a sentence end ({@code ...the
   * sentence.MR. X: Next speech}, a whole transcript on one line). A glued label is a speaker's
   * when the same label also opens paragraphs of the document, or when it recurs glued and is
   * written as labels are (capitals, an honorific, two or more words, or one of two or more such
   * recurring labels: a dialogue flattened onto one line).
   *
   * @param paragraphs the paragraphs, null for those the file's structure attributes
   * @return per paragraph, its pieces (one when nothing is glued into it; an empty list for null)
   */
  static List<List<String>> splitGlued(List<String> paragraphs, SpeakerLabels labels) {
    Map<String, Integer> atStart = new HashMap<>();
    Map<String, Integer> inside = new HashMap<>();
    List<List<SpeakerLabels.Glued>> glued = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      if (p == null) {
        glued.add(List.of());
        continue;
      }
      labels
          .match(p)
          .ifPresent(m -> atStart.merge(SpeakerRegistry.key(m.label()), 1, Integer::sum));
      List<SpeakerLabels.Glued> g = p.length() < 40 ? List.of() : labels.glued(p);
      glued.add(g);
      for (SpeakerLabels.Glued x : g) {
        inside.merge(SpeakerRegistry.key(x.label()), 1, Integer::sum);
      }
    }
    if (inside.isEmpty()) {
      return paragraphs.stream().map(p -> p == null ? List.<String>of() : List.of(p)).toList();
    }
    long recurringInside = inside.values().stream().filter(n -> n >= 2).count();
    int labelledParagraphs = atStart.values().stream().mapToInt(Integer::intValue).sum();
    List<List<String>> out = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (p == null) {
        out.add(List.of());
        continue;
      }
      List<String> pieces = new ArrayList<>();
      int from = 0;
      for (SpeakerLabels.Glued x : glued.get(i)) {
        String key = SpeakerRegistry.key(x.label());
        int seenInside = inside.getOrDefault(key, 0);
        int seenAtStart = atStart.getOrDefault(key, 0);
        boolean strong = SpeakerLabels.isAllCaps(x.label()) || SpeakerLabels.hasTitle(x.label());
        // A title-case phrase glued after a sentence ("2163. National Defense University: ...") is
        // a
        // heading where the document's labels open paragraphs; only a flattened dialogue glues
        // them.
        boolean labelLike =
            strong
                || labelledParagraphs < 3
                    && (x.label().strip().split("\\s+").length >= 2 || recurringInside >= 2);
        boolean speaker =
            SpeakerLabels.isLabelLike(x.label())
                && (seenAtStart + seenInside >= 2
                    && (seenAtStart >= 1 || labelLike)
                    && (seenInside >= 2 || seenAtStart >= 2 || strong));
        if (speaker && x.start() > from) {
          pieces.add(p.substring(from, x.start()).strip());
          from = x.start();
        }
      }
      pieces.add(p.substring(from).strip());
      out.add(pieces);
    }
    return out;
  }

  /**
   * What was recognised, for {@code --explain}: the document's styles and how many labels of each
   * were taken.
   */
  String describe() {
    List<String> parts = new ArrayList<>();
    accepted.forEach((shape, n) -> parts.add(n + " " + DESCRIPTIONS.getOrDefault(shape, shape)));
    String styles =
        established.isEmpty()
            ? ""
            : "; the document's own styles: "
                + String.join(
                    ", ",
                    established.stream()
                        .map(s -> DESCRIPTIONS.get(s.name().toLowerCase(Locale.ROOT)))
                        .sorted()
                        .toList());
    return (parts.isEmpty() ? "no label in the text" : "labels: " + String.join(", ", parts))
        + styles;
  }

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "colon", "'Name:' labels",
          "anonymous", "anonymous Q/A labels",
          "formal", "'Mr. NAME.' labels (Congressional Record)",
          "timed", "'Name  0:03' lines",
          "alone", "names alone in their paragraph",
          "caps", "upper-case labels without a colon",
          "bracket", "'[Name]' labels");
}

package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Turns the paragraphs of a transcript into speaker turns.
 *
 * <ol>
 *   <li>Label candidates are found at paragraph starts ({@link SpeakerLabels}). A candidate is
 *       accepted as a speaker when it declares an alias, occurs at least twice, is already known,
 *       is written in capitals, carries an honorific or office, or is the anonymous Q/A. A
 *       title-case phrase that occurs once ("Kazakhstan: ...") is speech, and caption labels
 *       ("Photo:") are non-speech.
 *   <li>Everything before the first accepted label is front matter (titles, bylines) and not
 *       speech; so are unlabelled paragraphs that {@link NonSpeech} recognises anywhere.
 *   <li>Unlabelled paragraphs continue the current turn, unless there is evidence that the
 *       speaker changed: in a respondent's turn, a paragraph that ends in a question and addresses
 *       "you" is the questioner's; in a questioner's turn that ended in a question, a following
 *       paragraph that is not itself a question is the respondent's answer. Such turns are marked
 *       {@code inferred}.
 *   <li>Roles come from {@link RoleInference}: who asks and who answers.
 * </ol>
 */
public final class TurnParser {
  private static final Pattern ENDS_WITH_QUESTION = Pattern.compile(".*\\?[\"”’')\\]]*\\s*$", Pattern.DOTALL);
  private static final Pattern SECOND_PERSON = Pattern.compile("(?i)\\b(?:you|your|yours|yourself)\\b");

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

  /** One paragraph with the speaker its label names (null when unlabelled). */
  private record Item(String text, String speaker, String label) {}

  /** Parses plain text or Markdown. */
  public ParsedTranscript parseText(String text) {
    return parse(new PlainTextSegmenter(labels).paragraphs(text));
  }

  /** Parses paragraphs into turns. */
  public ParsedTranscript parse(List<String> paragraphs) {
    List<String> nonSpeech = new ArrayList<>();
    List<Item> items = label(paragraphs, nonSpeech);

    // Pass 1: turns from labels alone, to learn who asks and who answers.
    RoleInference.Result inferred = roles.infer(group(items, null));
    Map<String, Role> roleOf = inferred.roleOf();
    // Pass 2: the same, now inferring unlabelled changes of speaker.
    List<Draft> drafts = group(items, inferred);

    List<Turn> turns = new ArrayList<>();
    for (Draft d : drafts) {
      if (!d.paragraphs.isEmpty()) {
        turns.add(
            new Turn(
                turns.size(),
                d.speaker,
                d.label,
                roleOf.getOrDefault(d.speaker, Role.OTHER),
                d.paragraphs,
                d.inferred));
      }
    }
    return new ParsedTranscript(turns, nonSpeech);
  }

  private List<Item> label(List<String> paragraphs, List<String> nonSpeech) {
    List<Optional<SpeakerLabels.Match>> matches = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    SpeakerRegistry registry = new SpeakerRegistry();
    for (String p : paragraphs) {
      Optional<SpeakerLabels.Match> m = labels.match(p);
      matches.add(m);
      m.ifPresent(
          match -> {
            counts.merge(SpeakerRegistry.key(match.label()), 1, Integer::sum);
            if (match.declaresAlias()) {
              registry.declare(match.label(), match.alias());
            }
          });
    }
    List<Item> items = new ArrayList<>();
    boolean seenSpeaker = false;
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      String[] dateline = NonSpeech.splitTrailingDateline(p);
      if (dateline != null) {
        nonSpeech.add(dateline[1]);
        p = dateline[0];
        if (matches.get(i).isPresent()) {
          SpeakerLabels.Match m = matches.get(i).get();
          String[] rest = NonSpeech.splitTrailingDateline(m.rest());
          matches.set(i, Optional.of(new SpeakerLabels.Match(m.label(), m.alias(), rest == null ? "" : rest[0])));
        }
      }
      SpeakerLabels.Match m = matches.get(i).orElse(null);
      if (m != null && SpeakerLabels.isNonSpeechLabel(m.label())) {
        nonSpeech.add(p);
        continue;
      }
      if (m != null && accepted(m, counts, registry)) {
        seenSpeaker = true;
        String speaker = m.declaresAlias() ? registry.declare(m.label(), m.alias()) : registry.resolve(m.label());
        String written = m.declaresAlias() ? m.label() + "(" + m.alias() + ")" : m.label();
        items.add(new Item(m.rest(), speaker, written));
      } else if (!seenSpeaker || NonSpeech.isNonSpeech(p)) {
        nonSpeech.add(p);
      } else {
        items.add(new Item(p, null, null));
      }
    }
    return items;
  }

  private static boolean accepted(
      SpeakerLabels.Match m, Map<String, Integer> counts, SpeakerRegistry registry) {
    String label = m.label();
    return m.declaresAlias()
        || label.equals("Q")
        || label.equals("A")
        || counts.getOrDefault(SpeakerRegistry.key(label), 0) >= 2
        || registry.knows(label)
        || SpeakerLabels.isAllCaps(label)
        || SpeakerLabels.hasTitle(label);
  }

  /** A turn being built. */
  static final class Draft {
    final String speaker;
    final String label;
    final boolean inferred;
    final List<String> paragraphs = new ArrayList<>();

    Draft(String speaker, String label, boolean inferred) {
      this.speaker = speaker;
      this.label = label;
      this.inferred = inferred;
    }

    String lastParagraph() {
      return paragraphs.isEmpty() ? "" : paragraphs.get(paragraphs.size() - 1);
    }
  }

  /** Groups items into turns; with roles known, also infers unlabelled changes of speaker. */
  private List<Draft> group(List<Item> items, RoleInference.Result known) {
    Map<String, Role> roleOf = known == null ? Map.of() : known.roleOf();
    List<Draft> drafts = new ArrayList<>();
    Map<Role, String> lastSpeakerIn = new LinkedHashMap<>();
    Draft current = null;
    for (Item item : items) {
      if (item.speaker != null) {
        if (current == null || !current.speaker.equals(item.speaker)) {
          current = new Draft(item.speaker, item.label, false);
          drafts.add(current);
        }
        addText(current, item.text);
      } else if (current != null) {
        Role role = roleOf.getOrDefault(current.speaker, Role.OTHER);
        String switchTo = null;
        if (role == Role.RESPONDENT && isQuestionToRespondent(item.text)) {
          switchTo = lastSpeakerIn.getOrDefault(Role.QUESTIONER, known.main(Role.QUESTIONER));
        } else if (role == Role.QUESTIONER
            && isQuestion(current.lastParagraph())
            && !isQuestion(item.text)) {
          switchTo = lastSpeakerIn.getOrDefault(Role.RESPONDENT, known.main(Role.RESPONDENT));
        }
        if (switchTo != null && !switchTo.equals(current.speaker)) {
          current = new Draft(switchTo, null, true);
          drafts.add(current);
        }
        addText(current, item.text);
      }
      if (current != null) {
        lastSpeakerIn.put(roleOf.getOrDefault(current.speaker, Role.OTHER), current.speaker);
      }
    }
    return drafts;
  }

  private static void addText(Draft draft, String text) {
    if (!text.isBlank()) {
      draft.paragraphs.add(text.strip());
    }
  }

  static boolean isQuestion(String paragraph) {
    return ENDS_WITH_QUESTION.matcher(paragraph).matches();
  }

  /** A question put to the respondent: it ends in "?" and addresses "you". */
  static boolean isQuestionToRespondent(String paragraph) {
    return isQuestion(paragraph) && SECOND_PERSON.matcher(paragraph).find();
  }
}

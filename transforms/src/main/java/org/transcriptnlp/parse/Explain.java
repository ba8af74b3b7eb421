package org.transcriptnlp.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Turn;

/**
 * A readable listing of how a transcript was split: every turn with its speaker, role and why
 * (label, alias, the file's structure, or the evidence for an inferred change of speaker), which
 * question each answer answers, and what was left out as non-speech.
 */
public final class Explain {
  private static final int EXCERPT = 110;

  private Explain() {}

  public static String render(String name, String format, ParsedTranscript parsed) {
    List<QaPair> pairs = QaPairer.pair(parsed.turns());
    Map<Integer, QaPair> answerAt = new HashMap<>();
    for (QaPair p : pairs) {
      answerAt.put(p.answer().index(), p);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: read as %s; %d turns, %d answers, %d non-speech paragraphs%n",
            name,
            format,
            parsed.turns().size(),
            pairs.size(),
            parsed.nonSpeech().size()));
    if (!parsed.attribution().isEmpty()) {
      out.append("speakers: ").append(parsed.attribution()).append('\n');
    }
    java.util.Set<String> names =
        Utterances.nameWords(parsed.turns().stream().map(Turn::speaker).distinct().toList());
    for (Turn t : parsed.turns()) {
      QaPair answer = answerAt.get(t.index());
      out.append(
          String.format(
              Locale.ROOT,
              "%4d  %-10s  %-10s  %-28s  %s%s%s%n",
              t.index(),
              t.role().value(),
              Utterances.kind(t.text(), names).value(),
              t.speaker(),
              why(t),
              t.startSeconds() == null
                  ? ""
                  : String.format(Locale.ROOT, "  @%.1fs", t.startSeconds()),
              answer == null
                  ? ""
                  : "  -> answer "
                      + answer.answerIndex()
                      + " to turn "
                      + answer.question().index()));
      for (String p : t.paragraphs()) {
        out.append("        | ").append(excerpt(p)).append('\n');
      }
      if (!t.stageDirections().isEmpty()) {
        out.append("        stage directions: ")
            .append(String.join(" ", t.stageDirections()))
            .append('\n');
      }
    }
    if (!parsed.nonSpeech().isEmpty()) {
      out.append("non-speech (in no turn):\n");
      for (String p : parsed.nonSpeech()) {
        out.append("        - ").append(excerpt(p)).append('\n');
      }
    }
    return out.toString();
  }

  private static String why(Turn t) {
    if (t.inferred()) {
      return "[" + t.attribution() + "]";
    }
    return "[" + t.attribution() + (t.label() == null ? "" : " '" + t.label() + "'") + "]";
  }

  private static String excerpt(String p) {
    String one = p.replace('\n', ' ');
    return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 3) + "...";
  }
}

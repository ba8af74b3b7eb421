package org.transcriptnlp.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.model.ParsedTranscript;

/**
 * Scores every gold file under a folder and prints a table per file and the totals.
 *
 * <p>Each gold file's {@code file} is looked up under the corpus folder, then under the project
 * folder ({@code samples/transcripts/...}). Run it with:
 *
 * <pre>java -cp pipeline/target/transcript-nlp.jar org.transcriptnlp.quality.GoldReport \
 *     transforms/src/test/resources/gold transforms/src/test/resources/corpus .</pre>
 */
public final class GoldReport {

  /** What the totals came to. */
  public record Totals(
      int files,
      int checks,
      int speakersRight,
      int roleChecks,
      int rolesRight,
      int turnsHold,
      int answersHold,
      int leaks,
      int rejected) {
    public double speakerShare() {
      return checks == 0 ? 1 : (double) speakersRight / checks;
    }

    public double roleShare() {
      return roleChecks == 0 ? 1 : (double) rolesRight / roleChecks;
    }
  }

  private GoldReport() {}

  /**
   * Reads, decodes and parses one transcript as the job does; throws with the reason it would be
   * rejected.
   */
  public static ParsedTranscript parse(Path file) throws IOException, Extraction.Rejected {
    Extraction extraction = new Extraction();
    byte[] bytes = Files.readAllBytes(file);
    return extraction
        .parse(extraction.read(file.toString(), file.getFileName().toString(), bytes).doc())
        .parsed();
  }

  public static List<Path> goldFiles(Path goldDir) throws IOException {
    try (Stream<Path> all = Files.walk(goldDir)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
    }
  }

  public static List<GoldScore> score(Path goldDir, Path corpusDir, Path projectDir)
      throws IOException {
    List<GoldScore> scores = new ArrayList<>();
    for (Path g : goldFiles(goldDir)) {
      Gold gold = Gold.read(g);
      Path file = corpusDir.resolve(gold.file());
      if (!Files.exists(file)) {
        file = projectDir.resolve(gold.file());
      }
      if (!Files.exists(file)) {
        throw new IOException(
            g + ": no transcript " + gold.file() + " under " + corpusDir + " or " + projectDir);
      }
      GoldScore s;
      try {
        s = GoldScore.of(gold, parse(file));
      } catch (Extraction.Rejected e) {
        s = GoldScore.rejected(gold, e.failure().reason() + ": " + e.failure().detail());
      } catch (RuntimeException e) {
        s = GoldScore.rejected(gold, "parser_error: " + e);
      }
      scores.add(s);
    }
    return scores;
  }

  public static Totals totals(List<GoldScore> scores) {
    int checks = 0,
        speakers = 0,
        roleChecks = 0,
        roles = 0,
        turns = 0,
        answers = 0,
        leaks = 0,
        rejected = 0;
    for (GoldScore s : scores) {
      checks += s.checks();
      speakers += s.speakersRight();
      roleChecks += s.roleChecks();
      roles += s.rolesRight();
      turns += s.turnsHold() ? 1 : 0;
      answers += s.answersHold() ? 1 : 0;
      leaks += s.nonSpeechLeaks();
      rejected += s.rejected() != null ? 1 : 0;
    }
    return new Totals(
        scores.size(), checks, speakers, roleChecks, roles, turns, answers, leaks, rejected);
  }

  /**
   * The per-file table and the totals, as Markdown; with details, every failed check under the
   * table.
   */
  public static String table(List<GoldScore> scores, boolean details) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| file | container | speakers right | roles right | turns (gold) | answers (gold) | leaks"
            + " | missing / extra speakers |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (GoldScore s : scores) {
      Gold g = s.gold();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d/%d | %d/%d | %s %s | %s %s | %d | %s |%n",
              g.file(),
              shortContainer(g.container()),
              s.speakersRight(),
              s.checks(),
              s.rolesRight(),
              s.roleChecks(),
              s.rejected() != null ? "rejected" : s.turns(),
              mark(s.turnsHold(), g.turns()),
              s.rejected() != null ? "-" : s.answers(),
              mark(s.answersHold(), g.answers()),
              s.nonSpeechLeaks(),
              (s.missingSpeakers().isEmpty()
                      ? ""
                      : "missing " + String.join(", ", s.missingSpeakers()))
                  + (s.extraSpeakers().isEmpty()
                      ? ""
                      : (s.missingSpeakers().isEmpty() ? "" : "; ")
                          + "extra "
                          + String.join(
                              ", ",
                              s.extraSpeakers().subList(0, Math.min(6, s.extraSpeakers().size())))
                          + (s.extraSpeakers().size() > 6
                              ? " (+" + (s.extraSpeakers().size() - 6) + ")"
                              : ""))));
    }
    Totals t = totals(scores);
    out.append(
        String.format(
            Locale.ROOT,
            "%n%d files: speakers right on %d of %d spot checks (%.1f%%), roles right on %d of %d"
                + " (%.1f%%); turn counts in tolerance on %d, answer counts on %d; %d non-speech"
                + " snippets in answers; %d rejected%n",
            t.files(),
            t.speakersRight(),
            t.checks(),
            100 * t.speakerShare(),
            t.rolesRight(),
            t.roleChecks(),
            100 * t.roleShare(),
            t.turnsHold(),
            t.answersHold(),
            t.leaks(),
            t.rejected()));
    if (details) {
      for (GoldScore s : scores) {
        if (!s.misses().isEmpty()) {
          out.append("\n").append(s.gold().file()).append(":\n");
          s.misses().forEach(m -> out.append("  - ").append(m).append('\n'));
        }
      }
    }
    return out.toString();
  }

  /** "json (Oyez case_media: transcript.sections[]...)" -> "json". */
  private static String shortContainer(String container) {
    String c = container.replaceAll("\\s*[(;,].*$", "").strip();
    return c.length() <= 30 ? c : c.substring(0, 29) + "…";
  }

  private static String mark(boolean holds, Gold.Count want) {
    return "(" + want + (holds ? ")" : ") ✗");
  }

  /**
   * Arguments: gold folder, corpus folder, project folder; {@code --details} lists every failed
   * check.
   */
  public static void main(String[] args) throws IOException {
    List<String> a = new ArrayList<>(List.of(args));
    boolean details = a.remove("--details");
    Path gold = Path.of(a.size() > 0 ? a.get(0) : "transforms/src/test/resources/gold");
    Path corpus = Path.of(a.size() > 1 ? a.get(1) : "transforms/src/test/resources/corpus");
    Path project = Path.of(a.size() > 2 ? a.get(2) : ".");
    PrintStream out = System.out;
    out.print(table(score(gold, corpus, project), details));
  }
}

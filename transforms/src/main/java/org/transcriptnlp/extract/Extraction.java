package org.transcriptnlp.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.formats.TranscriptFiles;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.TranscriptDoc;
import org.transcriptnlp.parse.Explain;
import org.transcriptnlp.parse.QaPairer;
import org.transcriptnlp.parse.SpeakerLabels;
import org.transcriptnlp.parse.TurnParser;

/**
 * The one chain from a file's bytes to its answers, in plain Java: {@link #read} decodes the bytes
 * and reads them in their format ({@link TranscriptFiles}), {@link #parse} splits the paragraphs
 * into speaker turns ({@link TurnParser}) and {@link #pair} pairs each question with its answers
 * ({@link QaPairer}). The job's DoFns run one step each; {@code --explain}, the bench and the gold
 * scoring call the same methods, so none of them can drift from the job.
 *
 * <p>A step that cannot use its input throws {@link Rejected} with the {@link Failure} that the
 * {@code rejects} table gets. One instance is used by one thread (a {@link TurnParser} keeps state
 * between calls); it is cheap to make.
 */
public final class Extraction {
  private static final SpeakerLabels LABELS = new SpeakerLabels();

  private final Format format;
  private final Set<String> questioners;
  private final Set<String> respondents;
  private TurnParser parser; // made on first use: reading and pairing need none

  /** Detects each file's format, no role overrides. */
  public Extraction() {
    this(null, Set.of(), Set.of());
  }

  /**
   * @param format the format of every file, or null to detect it per file
   * @param questioners speaker names or labels forced to the questioner role
   * @param respondents speaker names or labels forced to the respondent role
   */
  public Extraction(Format format, Set<String> questioners, Set<String> respondents) {
    this.format = format;
    this.questioners = Set.copyOf(questioners);
    this.respondents = Set.copyOf(respondents);
  }

  /** An input the job cannot use, with the row it gets in {@code rejects}. */
  public static final class Rejected extends Exception {
    private final Failure failure;

    public Rejected(Failure failure) {
      super(failure.detail());
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /**
   * A file read in its format, and what its decoding replaced or removed.
   *
   * @param replaced invalid byte sequences read as U+FFFD
   * @param controlsRemoved control characters removed
   */
  public record Read(TranscriptDoc doc, int replaced, int controlsRemoved) {}

  /**
   * Decodes a file's bytes and reads its paragraphs in its format; the transcript id is derived
   * from the bytes.
   *
   * @param sourcePath the file as matched, for the rows and the rejects
   * @param fileName its name, from which (with its content) the format is detected
   */
  public Read read(String sourcePath, String fileName, byte[] bytes) throws Rejected {
    try {
      String id = Ids.transcriptId(bytes);
      TranscriptFiles.Read read = TranscriptFiles.read(fileName, bytes, format);
      return new Read(
          new TranscriptDoc(sourcePath, id, read.format().value(), read.source(), read.blocks()),
          read.replaced(),
          read.controlsRemoved());
    } catch (TranscriptFiles.Refused e) {
      throw new Rejected(
          new Failure(
              sourcePath,
              e.stage(),
              e.reason(),
              e.getMessage(),
              null,
              Failure.excerpt(e.excerpt())));
    } catch (RuntimeException e) {
      throw new Rejected(Failure.of(sourcePath, "read", "unreadable", e, null, null));
    }
  }

  /**
   * Splits a transcript's paragraphs into speaker turns; the result keeps the file without its
   * paragraphs. A transcript with no speaker turn at all is rejected with the reason.
   */
  public ParsedDoc parse(TranscriptDoc doc) throws Rejected {
    Failure failure;
    try {
      ParsedTranscript result = turns(doc);
      if (!result.turns().isEmpty()) {
        return new ParsedDoc(doc.withoutBlocks(), doc.format(), result);
      }
      failure = whyNoTurns(doc, result);
    } catch (RuntimeException | StackOverflowError e) {
      failure = Failure.of(doc.sourcePath(), "parse", "parser_error", e, null, doc.text());
    }
    throw new Rejected(failure);
  }

  /** The speaker turns of a transcript's paragraphs, even none (what {@code --explain} lists). */
  public ParsedTranscript turns(TranscriptDoc doc) {
    if (parser == null) {
      parser = new TurnParser(questioners, respondents);
    }
    return parser.parseBlocks(doc.blocks());
  }

  /** Pairs each question with its answers: one {@link AnswerUnit} per answer. */
  public List<AnswerUnit> pair(ParsedDoc parsed) throws Rejected {
    TranscriptDoc doc = parsed.doc();
    List<QaPair> pairs;
    try {
      pairs = QaPairer.pair(parsed.parsed().turns());
    } catch (RuntimeException e) {
      throw new Rejected(Failure.of(doc.sourcePath(), "pair", "pairing_error", e, null, null));
    }
    List<AnswerUnit> answers = new ArrayList<>(pairs.size());
    for (QaPair pair : pairs) {
      answers.add(
          new AnswerUnit(
              Ids.answerId(doc.transcriptId(), pair.answerIndex()),
              doc.transcriptId(),
              doc.sourcePath(),
              pair.answerIndex(),
              pair.question().index(),
              pair.answer().index(),
              pair.question().speaker(),
              pair.question().text(),
              pair.answer().speaker(),
              pair.answer().text(),
              pair.speakerInferred()));
    }
    return answers;
  }

  /** The whole chain: a file's answers, as the job finds them. */
  public List<AnswerUnit> answers(String sourcePath, String fileName, byte[] bytes)
      throws Rejected {
    return pair(parse(read(sourcePath, fileName, bytes).doc()));
  }

  /**
   * How a file is split ({@code --explain}): every turn with its speaker, role and why, which
   * question each answer answers, the non-speech, and the reason the job would reject it.
   */
  public String explain(String sourcePath, String fileName, byte[] bytes) throws Rejected {
    TranscriptDoc doc = read(sourcePath, fileName, bytes).doc();
    ParsedTranscript turns = turns(doc);
    String listing = Explain.render(sourcePath, doc.format(), turns);
    if (turns.turns().isEmpty()) {
      Failure why = whyNoTurns(doc, turns);
      listing += "the job rejects this file (" + why.reason() + "): " + why.detail() + "\n";
    }
    return listing;
  }

  /**
   * The reason a transcript gave no turn: no text at all, labels with nothing after them, no
   * labels.
   */
  static Failure whyNoTurns(TranscriptDoc doc, ParsedTranscript result) {
    if (doc.blocks().stream().allMatch(b -> b.text().isBlank())) {
      return Failure.of(
          doc.sourcePath(),
          "parse",
          "no_text",
          "the " + doc.format() + " file has no text once markup and page furniture are removed");
    }
    List<String> labelOnly =
        doc.blocks().stream().map(b -> b.text().strip()).filter(LABELS::isLabelOnly).toList();
    if (!labelOnly.isEmpty() && result.nonSpeech().isEmpty()) {
      return Failure.of(
          doc.sourcePath(),
          "parse",
          "labels_without_text",
          labelOnly.size()
              + " speaker label(s) such as '"
              + labelOnly.get(0)
              + "' with no speech after them");
    }
    return Failure.of(
        doc.sourcePath(),
        "parse",
        "no_speaker_labels",
        "no paragraph starts with a speaker label such as 'Name:', 'NAME:' or 'Q:' ("
            + result.nonSpeech().size()
            + " paragraphs of non-speech)");
  }
}

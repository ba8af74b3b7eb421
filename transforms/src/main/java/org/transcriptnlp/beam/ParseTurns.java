package org.transcriptnlp.beam;

import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.parse.SpeakerLabels;
import org.transcriptnlp.parse.TurnParser;

/**
 * Splits each transcript's paragraphs (read in its format by {@link ReadTranscripts}) into speaker
 * turns with {@link TurnParser}. A transcript with no text or no speaker turn at all becomes a
 * {@link Failure} with the reason.
 */
public class ParseTurns extends PTransform<PCollection<TranscriptDoc>, PCollectionTuple> {
  public static final TupleTag<ParsedDoc> PARSED = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final Set<String> questioners;
  private final Set<String> respondents;

  /** No role overrides. */
  public ParseTurns() {
    this(Set.of(), Set.of());
  }

  /**
   * @param questioners speaker names or labels forced to the questioner role
   * @param respondents speaker names or labels forced to the respondent role
   */
  public ParseTurns(Set<String> questioners, Set<String> respondents) {
    this.questioners = Set.copyOf(questioners);
    this.respondents = Set.copyOf(respondents);
  }

  @Override
  public PCollectionTuple expand(PCollection<TranscriptDoc> docs) {
    PCollectionTuple out =
        docs.apply(
            "ParseEach",
            ParDo.of(new ParseFn(questioners, respondents))
                .withOutputTags(PARSED, TupleTagList.of(FAILURES)));
    out.get(PARSED).setCoder(SerializableCoder.of(ParsedDoc.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static class ParseFn extends DoFn<TranscriptDoc, ParsedDoc> {
    private final Set<String> questioners;
    private final Set<String> respondents;
    private final Counter parsed = Metric.counter(Metric.FILES_PARSED);
    private final Counter rejected = Metric.counter(Metric.FILES_REJECTED);
    private final Counter turns = Metric.counter(Metric.TURNS);
    private final Counter nonSpeech = Metric.counter(Metric.NON_SPEECH_PARAGRAPHS);
    private transient TurnParser parser;

    ParseFn(Set<String> questioners, Set<String> respondents) {
      this.questioners = questioners;
      this.respondents = respondents;
    }

    @Setup
    public void setup() {
      parser = new TurnParser(questioners, respondents);
    }

    @ProcessElement
    public void process(@Element TranscriptDoc doc, MultiOutputReceiver out) {
      Failure failure;
      try {
        ParsedTranscript result = parser.parseBlocks(doc.blocks());
        if (!result.turns().isEmpty()) {
          parsed.inc();
          turns.inc(result.turns().size());
          nonSpeech.inc(result.nonSpeech().size());
          out.get(PARSED).output(new ParsedDoc(doc.withoutBlocks(), doc.format(), result));
          return;
        }
        failure = whyNoTurns(doc, result);
      } catch (RuntimeException | StackOverflowError e) {
        failure = Failure.of(doc.sourcePath(), "parse", "parser_error", e, null, doc.text());
      }
      rejected.inc();
      out.get(FAILURES).output(failure);
    }
  }

  /** The reason a transcript gave no turn: no text at all, labels with nothing after them, no labels. */
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
          labelOnly.size() + " speaker label(s) such as '" + labelOnly.get(0) + "' with no speech after them");
    }
    return Failure.of(
        doc.sourcePath(),
        "parse",
        "no_speaker_labels",
        "no paragraph starts with a speaker label such as 'Name:', 'NAME:' or 'Q:' ("
            + result.nonSpeech().size()
            + " paragraphs of non-speech)");
  }

  private static final SpeakerLabels LABELS = new SpeakerLabels();

  static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}

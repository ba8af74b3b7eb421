package org.transcriptnlp.beam;

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
import org.transcriptnlp.parse.TurnParser;

/**
 * Splits each transcript into speaker turns with {@link TurnParser}. A transcript with no text or
 * no speaker turn at all becomes a {@link Failure} with the reason.
 */
public class ParseTurns extends PTransform<PCollection<TranscriptDoc>, PCollectionTuple> {
  public static final TupleTag<ParsedDoc> PARSED = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final Set<String> questioners;
  private final Set<String> respondents;

  /** @param questioners, respondents speaker names or labels forced to those roles */
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
        ParsedTranscript result = parser.parseText(doc.text());
        if (!result.turns().isEmpty()) {
          parsed.inc();
          turns.inc(result.turns().size());
          nonSpeech.inc(result.nonSpeech().size());
          out.get(PARSED).output(new ParsedDoc(doc, result));
          return;
        }
        failure =
            doc.text().isBlank()
                ? Failure.of(doc.sourcePath(), "parse", "no_text", "the file holds only whitespace")
                : Failure.of(
                    doc.sourcePath(),
                    "parse",
                    "no_speaker_labels",
                    "no paragraph starts with a speaker label such as 'Name:', 'NAME:' or 'Q:' ("
                        + result.nonSpeech().size()
                        + " paragraphs of non-speech)");
      } catch (RuntimeException | StackOverflowError e) {
        failure = Failure.of(doc.sourcePath(), "parse", "parser_error", e, null, doc.text());
      }
      rejected.inc();
      out.get(FAILURES).output(failure);
    }
  }
}

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
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.model.TranscriptDoc;

/**
 * Splits each transcript's paragraphs (read in its format by {@link ReadTranscripts}) into speaker
 * turns ({@link Extraction#parse}). A transcript with no text or no speaker turn at all becomes a
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
    private transient Extraction extraction;

    ParseFn(Set<String> questioners, Set<String> respondents) {
      this.questioners = questioners;
      this.respondents = respondents;
    }

    @Setup
    public void setup() {
      extraction = new Extraction(null, questioners, respondents);
    }

    @ProcessElement
    public void process(@Element TranscriptDoc doc, MultiOutputReceiver out) {
      try {
        ParsedDoc result = extraction.parse(doc);
        parsed.inc();
        turns.inc(result.parsed().turns().size());
        nonSpeech.inc(result.parsed().nonSpeech().size());
        out.get(PARSED).output(result);
      } catch (Extraction.Rejected e) {
        rejected.inc();
        out.get(FAILURES).output(e.failure());
      }
    }
  }
}

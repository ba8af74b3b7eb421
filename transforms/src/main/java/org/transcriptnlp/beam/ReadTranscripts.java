package org.transcriptnlp.beam;

import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.extract.Extraction;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.formats.TranscriptFiles;
import org.transcriptnlp.io.BoundedRead;
import org.transcriptnlp.io.LocalEntry;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.TranscriptDoc;

/**
 * Matches the input globs and reads each file into a {@link TranscriptDoc}: bytes within the limits
 * ({@link BoundedRead}, gunzipped when the name ends in {@code .gz}), a content-derived transcript
 * id, and the paragraphs of the file read in its format by {@link TranscriptFiles} (decoded text,
 * or a Word document or PDF read from its bytes). A file that cannot be read, decoded or read in
 * its format, is empty or is over the size limit becomes a {@link Failure} instead (stage {@code
 * read}, {@code decode} or {@code parse}); every matched file leaves this step as exactly one of
 * the two.
 */
public class ReadTranscripts extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<TranscriptDoc> DOCS = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final List<String> patterns;
  private final List<MatchResult.Metadata> files;
  private final long maxBytes;
  private final int maxRatio;
  private final Format format;

  /**
   * @param maxBytes larger files (inflated size for .gz) are rejected
   */
  public ReadTranscripts(List<String> patterns, long maxBytes) {
    this(patterns, maxBytes, 100, null);
  }

  /**
   * @param maxRatio a .gz file inflating more than this many times its size is rejected
   * @param format the format of every file, or null to detect it per file
   */
  public ReadTranscripts(List<String> patterns, long maxBytes, int maxRatio, Format format) {
    this(List.copyOf(patterns), null, maxBytes, maxRatio, format);
  }

  private ReadTranscripts(
      List<String> patterns,
      List<MatchResult.Metadata> files,
      long maxBytes,
      int maxRatio,
      Format format) {
    this.patterns = patterns;
    this.files = files;
    this.maxBytes = maxBytes;
    this.maxRatio = maxRatio;
    this.format = format;
  }

  /**
   * Reads exactly these files, already matched (and each listed once) by the caller, e.g. the new
   * and changed files of an incremental run; no pattern is matched again, so glob characters in
   * their names are taken literally.
   */
  public static ReadTranscripts files(
      List<MatchResult.Metadata> files, long maxBytes, int maxRatio, Format format) {
    return new ReadTranscripts(null, List.copyOf(files), maxBytes, maxRatio, format);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<MatchResult.Metadata> files =
        this.files != null
            // Spread like the matched files below: one file per bundle, parsed in parallel.
            ? input
                .apply("ListFiles", Create.of(this.files).withCoder(MetadataCoderV2.of()))
                .apply("OneFilePerBundle", Reshuffle.viaRandomKey())
            : input
                .apply("ListPatterns", Create.of(patterns))
                .apply(
                    "MatchFiles",
                    FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
                .apply(
                    "OncePerFile",
                    Distinct.withRepresentativeValueFn(
                            (MatchResult.Metadata m) -> m.resourceId().toString())
                        .withRepresentativeType(TypeDescriptor.of(String.class)));
    PCollectionTuple out =
        files.apply(
            "ReadAndDecode",
            ParDo.of(new ReadFn(maxBytes, maxRatio, format))
                .withOutputTags(DOCS, TupleTagList.of(FAILURES)));
    out.get(DOCS).setCoder(SerializableCoder.of(TranscriptDoc.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReadTranscripts.class);

  /** Reads one matched file. */
  static class ReadFn extends DoFn<MatchResult.Metadata, TranscriptDoc> {
    private final long maxBytes;
    private final int maxRatio;
    private final Format format;
    private final Counter matched = Metric.counter(Metric.FILES_MATCHED);
    private final Counter read = Metric.counter(Metric.FILES_READ);
    private final Counter rejected = Metric.counter(Metric.FILES_REJECTED);
    private final Counter replaced = Metric.counter(Metric.BYTES_REPLACED);
    private final Counter controls = Metric.counter(Metric.CONTROLS_REMOVED);

    private transient Extraction extraction;

    ReadFn(long maxBytes, int maxRatio, Format format) {
      this.maxBytes = maxBytes;
      this.maxRatio = maxRatio;
      this.format = format;
    }

    @Setup
    public void setup() {
      extraction = new Extraction(format, Set.of(), Set.of());
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
      matched.inc();
      String path = file.resourceId().toString();
      Failure failure;
      if (file.resourceId().isDirectory()) {
        java.nio.file.Path local = LocalEntry.localPath(file.resourceId());
        failure =
            Failure.of(
                path,
                "read",
                "is_directory",
                local == null
                    ? "the input pattern matched a directory"
                    : LocalEntry.DIRECTORY.detail(local));
      } else {
        try {
          byte[] bytes = BoundedRead.readFile(file, maxBytes, maxRatio);
          Extraction.Read doc = extraction.read(path, file.resourceId().getFilename(), bytes);
          bytes = null; // only the paragraphs go on
          read.inc();
          replaced.inc(doc.replaced());
          controls.inc(doc.controlsRemoved());
          if (doc.replaced() > 0) {
            LOG.warn(
                "{}: {} invalid {} byte sequence(s) read as U+FFFD",
                path,
                doc.replaced(),
                doc.doc().source());
          }
          out.get(DOCS).output(doc.doc());
          return;
        } catch (BoundedRead.Refused e) {
          failure = Failure.of(path, "read", e.reason(), e.getMessage());
        } catch (Extraction.Rejected e) {
          failure = e.failure();
        } catch (RuntimeException e) {
          failure = Failure.of(path, "read", "unreadable", e, null, null);
        }
      }
      rejected.inc();
      out.get(FAILURES).output(failure);
    }
  }
}

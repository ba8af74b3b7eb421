package org.transcriptnlp.beam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.transcriptnlp.parse.TextDecoder;

/**
 * Matches the input globs and reads each file into a {@link TranscriptDoc}: bytes (gunzipped when
 * the name ends in {@code .gz}), a content-derived transcript id, and text decoded by {@link
 * TextDecoder}. A file that cannot be read or decoded, is empty or is over the size limit becomes
 * a {@link Failure} instead; every matched file leaves this step as exactly one of the two.
 */
public class ReadTranscripts extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<TranscriptDoc> DOCS = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final List<String> patterns;
  private final long maxBytes;

  public ReadTranscripts(List<String> patterns, long maxBytes) {
    this.patterns = List.copyOf(patterns);
    this.maxBytes = maxBytes;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<MatchResult.Metadata> files =
        input
            .apply("ListPatterns", Create.of(patterns))
            .apply("MatchFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply(
                "OncePerFile",
                Distinct.withRepresentativeValueFn(
                        (MatchResult.Metadata m) -> m.resourceId().toString())
                    .withRepresentativeType(TypeDescriptor.of(String.class)));
    PCollectionTuple out =
        files.apply(
            "ReadAndDecode",
            ParDo.of(new ReadFn(maxBytes)).withOutputTags(DOCS, TupleTagList.of(FAILURES)));
    out.get(DOCS).setCoder(SerializableCoder.of(TranscriptDoc.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  /** Reads one matched file. */
  static class ReadFn extends DoFn<MatchResult.Metadata, TranscriptDoc> {
    private final long maxBytes;
    private final Counter matched = Metric.counter(Metric.FILES_MATCHED);
    private final Counter read = Metric.counter(Metric.FILES_READ);
    private final Counter rejected = Metric.counter(Metric.FILES_REJECTED);

    ReadFn(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
      matched.inc();
      String path = file.resourceId().toString();
      Failure failure = null;
      byte[] bytes = null;
      if (file.resourceId().isDirectory()) {
        failure = Failure.of(path, "read", "is_directory", "the input pattern matched a directory");
      } else {
        try {
          bytes = readAtMost(file, maxBytes + 1);
          if (bytes.length > maxBytes) {
            failure =
                Failure.of(
                    path, "read", "file_too_large",
                    "larger than the limit of " + maxBytes + " bytes (--maxFileMegabytes)");
          } else if (bytes.length == 0) {
            failure = Failure.of(path, "read", "empty_file", "the file is empty");
          }
        } catch (IOException | RuntimeException e) {
          failure = Failure.of(path, "read", "unreadable", e, null, null);
        }
      }
      if (failure == null) {
        try {
          TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
          read.inc();
          out.get(DOCS).output(new TranscriptDoc(path, transcriptId(bytes), decoded.charset(), decoded.text()));
          return;
        } catch (TextDecoder.UndecodableException e) {
          failure = Failure.of(path, "decode", e.reason(), e.getMessage());
        }
      }
      rejected.inc();
      out.get(FAILURES).output(failure);
    }

    private static byte[] readAtMost(MatchResult.Metadata file, long limit) throws IOException {
      try (ReadableByteChannel channel = FileSystems.open(file.resourceId());
          InputStream raw = Channels.newInputStream(channel);
          InputStream in =
              file.resourceId().getFilename() != null && file.resourceId().getFilename().endsWith(".gz")
                  ? new GZIPInputStream(raw)
                  : raw) {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
      }
    }
  }

  /** First 16 hex digits of the SHA-256 of the bytes. */
  public static String transcriptId(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

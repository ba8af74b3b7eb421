package org.transcriptnlp.beam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.TranscriptDoc;
import org.transcriptnlp.testing.BeamTest;

/** Reading matched files: a file deleted between matching and reading is a reject, not a crash. */
class ReadTranscriptsTest {
  @TempDir Path dir;

  @Test
  void aFileDeletedAfterMatchingIsRejectedAndTheOthersAreRead() throws Exception {
    Files.writeString(dir.resolve("kept.txt"), "Q: Still here?\nA: Yes.\n");
    Files.writeString(dir.resolve("gone.txt"), "Q: Still here?\nA: No.\n");
    List<MatchResult.Metadata> matched = FileSystems.match(dir + "/*.txt").metadata();
    Files.delete(dir.resolve("gone.txt"));
    BeamTest.run(
        getClass(),
        "aFileDeletedAfterMatchingIsRejectedAndTheOthersAreRead",
        p -> {
          PCollectionTuple out =
              p.apply(Create.of(matched).withCoder(MetadataCoder.of()))
                  .apply(
                      "Read",
                      ParDo.of(new ReadTranscripts.ReadFn(1 << 20, 100, null))
                          .withOutputTags(
                              ReadTranscripts.DOCS, TupleTagList.of(ReadTranscripts.FAILURES)));
          PAssert.that(
                  out.get(ReadTranscripts.DOCS)
                      .apply(
                          "Texts",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (TranscriptDoc d) ->
                                      fileName(d.sourcePath())
                                          + "|"
                                          + d.format()
                                          + "|"
                                          + d.text())))
              .containsInAnyOrder("kept.txt|text|Q: Still here?\n\nA: Yes.");
          PAssert.that(
                  out.get(ReadTranscripts.FAILURES)
                      .apply(
                          "Why",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (Failure f) ->
                                      fileName(f.sourcePath())
                                          + "|"
                                          + f.stage()
                                          + "|"
                                          + f.reason())))
              .containsInAnyOrder("gone.txt|read|file_vanished");
          p.run().waitUntilFinish();
        });
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}

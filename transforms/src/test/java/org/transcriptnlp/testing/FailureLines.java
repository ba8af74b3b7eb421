package org.transcriptnlp.testing;

import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.transcriptnlp.model.Failure;

/** A step's failure output as text, for exact {@code PAssert}s on every field of each reject. */
public final class FailureLines {
  private FailureLines() {}

  /** One line per failure: {@code path|stage|reason|element id|input excerpt|detail}. */
  public static PCollection<String> of(String stepName, PCollection<Failure> failures) {
    return failures.apply(
        stepName,
        MapElements.into(TypeDescriptors.strings())
            .via(
                (Failure f) ->
                    String.join(
                        "|",
                        f.sourcePath(),
                        f.stage(),
                        f.reason(),
                        String.valueOf(f.elementId()),
                        String.valueOf(f.inputExcerpt()),
                        f.detail())));
  }
}

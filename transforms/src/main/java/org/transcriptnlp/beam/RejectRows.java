package org.transcriptnlp.beam;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;

/** The {@code rejects} table: every failure of every stage, flattened into one collection. */
public class RejectRows extends PTransform<PCollectionList<Failure>, PCollection<GenericRecord>> {
  @Override
  public PCollection<GenericRecord> expand(PCollectionList<Failure> failures) {
    return failures
        .apply("AllFailures", Flatten.pCollections())
        .setCoder(SerializableCoder.of(Failure.class))
        .apply("ToRejectRows", ParDo.of(new RejectRowsFn()))
        .setCoder(AvroCoder.of(Table.REJECTS.schema()));
  }

  static class RejectRowsFn extends DoFn<Failure, GenericRecord> {
    private final Counter rejects = Metric.counter(Metric.REJECTS);
    private transient Schema schema;

    @Setup
    public void setup() {
      schema = Table.REJECTS.schema();
    }

    @ProcessElement
    public void process(@Element Failure f, OutputReceiver<GenericRecord> out) {
      rejects.inc();
      out.output(Rows.reject(schema, f));
    }
  }
}

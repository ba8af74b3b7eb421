package org.transcriptnlp.beam;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.transcriptnlp.model.ParsedDoc;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;

/** The {@code turns} table: one row per turn of every parsed transcript. */
public class TurnRows extends PTransform<PCollection<ParsedDoc>, PCollection<GenericRecord>> {
  @Override
  public PCollection<GenericRecord> expand(PCollection<ParsedDoc> parsed) {
    return parsed
        .apply("ToTurnRows", ParDo.of(new TurnRowsFn()))
        .setCoder(AvroCoder.of(Table.TURNS.schema()));
  }

  static class TurnRowsFn extends DoFn<ParsedDoc, GenericRecord> {
    private transient Schema schema;

    @Setup
    public void setup() {
      schema = Table.TURNS.schema();
    }

    @ProcessElement
    public void process(@Element ParsedDoc p, OutputReceiver<GenericRecord> out) {
      for (Turn t : p.parsed().turns()) {
        out.output(Rows.turn(schema, p.doc().transcriptId(), p.doc().sourcePath(), p.format(), t));
      }
    }
  }
}

package org.transcriptnlp.archfixture.library.model;

import org.apache.parquet.schema.MessageType;

/** A model class that uses Parquet. */
public final class Row {
  MessageType schema;
}

/**
 * The output tables: their list and Avro schemas ({@link Table}, from {@code schemas/*.avsc}),
 * their rows built from the model records ({@link Rows}), the Iceberg tables and their catalog
 * ({@link IcebergTables}), Parquet data files ({@link ParquetFiles}, {@link DataFileWriter}), which
 * staged files go into which data file ({@link FilePlan}) and the rendered table documentation
 * ({@link SchemaDocs}). It may depend on model and io, on Avro, Iceberg, Parquet and Hadoop, and on
 * Beam's file-system API; not on parse, formats, extract, nlp or beam.
 */
package org.transcriptnlp.tables;

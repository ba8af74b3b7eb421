-- One view per table over the current rows exported as plain Parquet (java -jar transcript-nlp.jar
-- --output=out --export=out-current), for DuckDB without its iceberg extension:
--
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/talk_share.sql; } | duckdb
--
-- With the iceberg extension, read the tables themselves instead (docs/tables-and-runs.md):
--   CREATE VIEW answers AS SELECT * FROM iceberg_scan('out/transcripts/answers');  -- and so on
-- The other queries of this folder run over these views either way.

CREATE OR REPLACE VIEW answers AS SELECT * FROM read_parquet('answers/*.parquet');
CREATE OR REPLACE VIEW sentences AS SELECT * FROM read_parquet('sentences/*.parquet');
CREATE OR REPLACE VIEW entities AS SELECT * FROM read_parquet('entities/*.parquet');
CREATE OR REPLACE VIEW turns AS SELECT * FROM read_parquet('turns/*.parquet');
CREATE OR REPLACE VIEW rejects AS SELECT * FROM read_parquet('rejects/*.parquet');
CREATE OR REPLACE VIEW manifest AS SELECT * FROM read_parquet('manifest/*.parquet');
CREATE OR REPLACE VIEW runs AS SELECT * FROM read_parquet('runs/*.parquet');

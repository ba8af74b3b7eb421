-- What could not be used, and why.
-- Over one view per table of current rows (docs/tables-and-runs.md: iceberg_scan, or an --export folder), e.g. after the README job:
--   java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-current
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/rejects.sql; } | duckdb
SELECT stage, reason, source_path, detail FROM rejects ORDER BY stage, source_path;

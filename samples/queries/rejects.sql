-- What could not be used, and why.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/rejects.sql; } | duckdb
SELECT stage, reason, source_path, detail FROM rejects ORDER BY stage, source_path;

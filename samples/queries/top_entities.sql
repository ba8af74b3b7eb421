-- The most mentioned named entities per type, across all answers.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/top_entities.sql; } | duckdb
SELECT type, text, count(*) AS mentions, count(DISTINCT answer_id) AS answers
FROM entities
GROUP BY type, text
ORDER BY mentions DESC
LIMIT 30;

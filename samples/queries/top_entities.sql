-- The most mentioned named entities per type, across all answers.
-- Over one view per table of current rows (docs/tables-and-runs.md: iceberg_scan, or an --export folder), e.g. after the README job:
--   java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-current
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/top_entities.sql; } | duckdb
SELECT type, text, count(*) AS mentions, count(DISTINCT answer_id) AS answers
FROM entities
GROUP BY type, text
ORDER BY mentions DESC
LIMIT 30;

-- The most mentioned entities of each interview, per type: the top 5 of each type in each transcript.
-- Over one view per table of current rows (docs/tables-and-runs.md: iceberg_scan, or an --export folder), e.g. after the README job:
--   java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-current
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/entities_per_interview.sql; } | duckdb
SELECT source_path, type, text, mentions, answers, rank
FROM (
  SELECT source_path, type, text,
         count(*) AS mentions,
         count(DISTINCT answer_id) AS answers,
         rank() OVER (PARTITION BY source_path, type ORDER BY count(*) DESC) AS rank
  FROM entities
  GROUP BY source_path, type, text
)
WHERE rank <= 5
ORDER BY source_path, type, rank, text;

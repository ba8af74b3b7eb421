-- The most mentioned entities of each interview, per type: the top 5 of each type in each transcript.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/entities_per_interview.sql; } | duckdb
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

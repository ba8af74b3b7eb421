-- The most mentioned entities of each interview, per type: the top 5 of each type in each transcript.
-- Over the current tables: load the views of current.sql first, e.g. from the repository root after the README job:
--   { echo "SET file_search_path = 'out';"; cat samples/queries/current.sql samples/queries/entities_per_interview.sql; } | duckdb
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

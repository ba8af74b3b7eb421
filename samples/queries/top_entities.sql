-- The most mentioned named entities per type, across all answers.
-- Over the current tables: load the views of current.sql first, e.g. from the repository root after the README job:
--   { echo "SET file_search_path = 'out';"; cat samples/queries/current.sql samples/queries/top_entities.sql; } | duckdb
SELECT type, text, count(*) AS mentions, count(DISTINCT answer_id) AS answers
FROM entities
GROUP BY type, text
ORDER BY mentions DESC
LIMIT 30;

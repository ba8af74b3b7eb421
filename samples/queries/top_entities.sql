-- The most mentioned named entities per type, across all answers.
SELECT type, text, count(*) AS mentions, count(DISTINCT answer_id) AS answers
FROM read_parquet('out/entities/*.parquet')
GROUP BY type, text
ORDER BY mentions DESC
LIMIT 30;

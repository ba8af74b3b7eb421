-- Answers from most negative to most positive, with their questions.
-- Over one view per table of current rows (docs/tables-and-runs.md: iceberg_scan, or an --export folder), e.g. after the README job:
--   java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-current
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/answers_by_sentiment.sql; } | duckdb
SELECT answer_speaker,
       round(sentiment_score, 2) AS score,
       sentiment_label,
       sentence_count,
       left(question_text, 80) AS question,
       left(answer_text, 120)  AS answer
FROM answers
ORDER BY sentiment_score;

-- Sentiment per answer along each interview: the arc, with a moving average over 3 answers.
-- Over one view per table of current rows (docs/tables-and-runs.md: iceberg_scan, or an --export folder), e.g. after the README job:
--   java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-current
--   { echo "SET file_search_path = 'out-current';"; cat samples/queries/export-views.sql samples/queries/sentiment_arc.sql; } | duckdb
-- Null scores (no sentence could be parsed, or no sentiment annotator) stay in the arc as gaps.
SELECT source_path,
       answer_index,
       answer_speaker,
       round(sentiment_score, 2) AS score,
       sentiment_label,
       round(avg(sentiment_score) OVER (
         PARTITION BY source_path ORDER BY answer_index ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), 2) AS moving_avg_3,
       left(question_text, 80) AS question
FROM answers
ORDER BY source_path, answer_index;

-- Sentiment per answer along each interview: the arc, with a moving average over 3 answers.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/sentiment_arc.sql; } | duckdb
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

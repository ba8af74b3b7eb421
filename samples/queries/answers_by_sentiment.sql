-- Answers from most negative to most positive, with their questions.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/answers_by_sentiment.sql; } | duckdb
SELECT answer_speaker,
       round(sentiment_score, 2) AS score,
       sentiment_label,
       sentence_count,
       left(question_text, 80) AS question,
       left(answer_text, 120)  AS answer
FROM answers
ORDER BY sentiment_score;

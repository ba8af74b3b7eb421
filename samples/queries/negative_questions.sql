-- The questions that drew the most negative answers: the 10 lowest answer scores, most negative first.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/negative_questions.sql; } | duckdb
-- negative_share: the answer's sentences labelled negative or very negative, of all its sentences.
SELECT source_path,
       question_speaker,
       left(question_text, 120) AS question,
       answer_speaker,
       round(sentiment_score, 2) AS answer_score,
       sentiment_label,
       round((negative_sentences + very_negative_sentences) / sentence_count, 2) AS negative_share
FROM answers
WHERE sentiment_score IS NOT NULL
ORDER BY sentiment_score, source_path, answer_index
LIMIT 10;

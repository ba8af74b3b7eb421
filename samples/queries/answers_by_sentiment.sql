-- Answers from most negative to most positive, with their questions.
-- Over the current tables: load the views of current.sql first, e.g. from the repository root after the README job:
--   { echo "SET file_search_path = 'out';"; cat samples/queries/current.sql samples/queries/answers_by_sentiment.sql; } | duckdb
SELECT answer_speaker,
       round(sentiment_score, 2) AS score,
       sentiment_label,
       sentence_count,
       left(question_text, 80) AS question,
       left(answer_text, 120)  AS answer
FROM answers
ORDER BY sentiment_score;

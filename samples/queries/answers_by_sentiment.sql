-- Answers from most negative to most positive, with their questions.
-- duckdb -c ".read samples/queries/answers_by_sentiment.sql"   (run from the repository root after the README job)
SELECT answer_speaker,
       round(sentiment_score, 2) AS score,
       sentiment_label,
       sentence_count,
       left(question_text, 80) AS question,
       left(answer_text, 120)  AS answer
FROM read_parquet('out/answers/*.parquet')
ORDER BY sentiment_score;

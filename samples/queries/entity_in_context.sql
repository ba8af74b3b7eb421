-- Every mention of one entity, with the sentence it is in and that sentence's sentiment.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/entity_in_context.sql; } | duckdb
-- Offsets are 0-based code points: substr(answer_text, char_begin + 1, char_end - char_begin) = text.
SELECT a.source_path, a.answer_index, s.sentiment_label, s.text AS sentence
FROM entities e
JOIN sentences s USING (answer_id, source_path, sentence_index)
JOIN answers a USING (answer_id, source_path)
WHERE e.text = 'CSTO'
ORDER BY a.source_path, a.answer_index, s.sentence_index;

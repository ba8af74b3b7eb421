-- Every mention of one entity, with the sentence it is in and that sentence's sentiment.
-- Offsets are 0-based code points: substr(answer_text, char_begin + 1, char_end - char_begin) = text.
SELECT a.source_path, a.answer_index, s.sentiment_label, s.text AS sentence
FROM read_parquet('out/entities/*.parquet') e
JOIN read_parquet('out/sentences/*.parquet') s USING (answer_id, sentence_index)
JOIN read_parquet('out/answers/*.parquet') a USING (answer_id)
WHERE e.text = 'CSTO'
ORDER BY a.source_path, a.answer_index, s.sentence_index;

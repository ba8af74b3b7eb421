-- Talk share per speaker in each interview: words spoken (and seconds, where the source gives times).
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/talk_share.sql; } | duckdb
-- Words are runs of non-white-space characters of turns.text; seconds come from caption and JSON timings.
SELECT source_path,
       speaker,
       any_value(role) AS role,
       count(*) AS turns,
       sum(len(regexp_extract_all(text, '\S+'))) AS words,
       round(100.0 * sum(len(regexp_extract_all(text, '\S+')))
             / sum(sum(len(regexp_extract_all(text, '\S+')))) OVER (PARTITION BY source_path), 1) AS word_share_pct,
       round(sum(end_seconds - start_seconds), 1) AS seconds
FROM turns
GROUP BY source_path, speaker
ORDER BY source_path, words DESC;

-- Entities mentioned together in one answer: pairs by the number of answers that name both.
-- Over the current tables, e.g. exported as plain Parquet from the repository root after the README job
-- (java -jar pipeline/target/transcript-nlp.jar --output=out --export=out-export):
--   { for t in answers sentences entities turns rejects; do echo "CREATE VIEW $t AS FROM read_parquet('out-export/$t/*.parquet');"; done;
--     cat samples/queries/co_mentions.sql; } | duckdb
-- Dates, numbers and the like are left out: pairs of people, places, organizations and other names.
-- Pronouns are left out too, for outputs written before the job dropped CoreNLP's pronoun mentions
-- ('he' as PERSON): exactly the forms CoreNLP adds, so that 'US' or 'IT' stay.
WITH named AS (
  SELECT DISTINCT answer_id, text, type
  FROM entities
  WHERE type NOT IN ('DATE', 'TIME', 'DURATION', 'SET', 'NUMBER', 'ORDINAL', 'PERCENT', 'MONEY')
    AND text NOT IN ('he', 'He', 'him', 'Him', 'his', 'His', 'she', 'She', 'her', 'Her', 'hers', 'Hers')
)
SELECT a.text AS entity_a, a.type AS type_a, b.text AS entity_b, b.type AS type_b,
       count(*) AS answers
FROM named a
JOIN named b ON a.answer_id = b.answer_id AND a.text < b.text
GROUP BY ALL
HAVING count(*) >= 2
ORDER BY answers DESC, entity_a, entity_b
LIMIT 30;

-- The current tables: one view per table over an output folder that runs have added to.
--
--   { echo "SET file_search_path = 'out';"; cat samples/queries/current.sql; echo "FROM runs;"; } | duckdb
--   (or, in a duckdb session: SET file_search_path = '/data/nlp-out'; then .read samples/queries/current.sql)
--
-- Paths below are relative to file_search_path (the job's --output). Each table is partitioned
-- run_date=YYYY-MM-DD/run_id=ID/: read_parquet adds run_date and run_id as columns.
--
-- A run is committed once its runs row exists (written last). A file's current rows are those of its
-- latest entry in the manifest, among committed runs from the last full run on. Rows of a run that
-- crashed, of files that changed since, and of runs before a full run are not current (the next run
-- deletes the first and the last). The answers, sentences, entities, turns and rejects views hold
-- only current rows; all_<table> views hold every row on disk, for history.

CREATE OR REPLACE VIEW runs AS
  SELECT * FROM read_parquet('runs/*/*/*.parquet', hive_partitioning = true, union_by_name = true);

-- Committed runs whose rows can be current: the last full run and those after it.
CREATE OR REPLACE VIEW live_runs AS
  SELECT run_id FROM runs
  WHERE run_id >= coalesce((SELECT max(run_id) FROM runs WHERE mode = 'full'), '');

CREATE OR REPLACE VIEW manifest AS
  SELECT * FROM read_parquet('manifest/*/*/*.parquet', hive_partitioning = true, union_by_name = true)
  WHERE run_id IN (SELECT run_id FROM live_runs);

-- Each source file's latest entry: the run whose rows of that file are current. A path whose file
-- moved to another path (status 'moved') has no current entry.
CREATE OR REPLACE VIEW current_manifest AS
  SELECT * FROM (
    SELECT * FROM manifest
    QUALIFY row_number() OVER (PARTITION BY source_path ORDER BY run_id DESC) = 1)
  WHERE status <> 'moved';

CREATE OR REPLACE VIEW all_answers AS SELECT * FROM read_parquet('answers/*/*/*.parquet', hive_partitioning = true);
CREATE OR REPLACE VIEW all_sentences AS SELECT * FROM read_parquet('sentences/*/*/*.parquet', hive_partitioning = true);
CREATE OR REPLACE VIEW all_entities AS SELECT * FROM read_parquet('entities/*/*/*.parquet', hive_partitioning = true);
CREATE OR REPLACE VIEW all_turns AS SELECT * FROM read_parquet('turns/*/*/*.parquet', hive_partitioning = true);
CREATE OR REPLACE VIEW all_rejects AS SELECT * FROM read_parquet('rejects/*/*/*.parquet', hive_partitioning = true);

CREATE OR REPLACE VIEW answers AS
  SELECT t.* FROM all_answers t SEMI JOIN current_manifest m USING (run_id, source_path);
CREATE OR REPLACE VIEW sentences AS
  SELECT t.* FROM all_sentences t SEMI JOIN current_manifest m USING (run_id, source_path);
CREATE OR REPLACE VIEW entities AS
  SELECT t.* FROM all_entities t SEMI JOIN current_manifest m USING (run_id, source_path);
CREATE OR REPLACE VIEW turns AS
  SELECT t.* FROM all_turns t SEMI JOIN current_manifest m USING (run_id, source_path);
CREATE OR REPLACE VIEW rejects AS
  SELECT t.* FROM all_rejects t SEMI JOIN current_manifest m USING (run_id, source_path);

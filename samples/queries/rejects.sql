-- What could not be used, and why.
-- Over the current tables: load the views of current.sql first, e.g. from the repository root after the README job:
--   { echo "SET file_search_path = 'out';"; cat samples/queries/current.sql samples/queries/rejects.sql; } | duckdb
SELECT stage, reason, source_path, detail FROM rejects ORDER BY stage, source_path;

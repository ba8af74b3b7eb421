-- What could not be used, and why.
SELECT stage, reason, source_path, detail FROM read_parquet('out/rejects/*.parquet') ORDER BY stage, source_path;

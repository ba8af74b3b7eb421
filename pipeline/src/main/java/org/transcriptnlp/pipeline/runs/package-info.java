/**
 * A run around the pipeline: the files the input globs match ({@link InputFiles}), which of them a
 * run processes ({@link RunPlan}, from {@link RunHistory}, with {@link SettingsCheck}), the run's
 * id, the output folder and its staging, the Iceberg tables of an output ({@link Warehouse}), the
 * commit of a run's rows, manifest entries and runs row ({@link RunCommit}, {@link TableCommit}),
 * table maintenance, {@code --export} and the crash-test hook ({@link HaltPoint}). It may depend on
 * pipeline.options and the packages below it (tables, io, model, ...); not on pipeline,
 * pipeline.console or pipeline.report.
 */
package org.transcriptnlp.pipeline.runs;

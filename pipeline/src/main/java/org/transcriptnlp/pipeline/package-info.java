/**
 * The top of the job: {@code main} and {@code run} ({@link TranscriptNlp}), the job's graph ({@link
 * JobGraph}), {@code --help}, {@code --version} and the usage messages ({@link Usage}) and {@code
 * --explain} ({@link ExplainFiles}). It may depend on pipeline.console, pipeline.report,
 * pipeline.runs, pipeline.options and the transforms packages but quality; no package of the job
 * depends on it (only the benchmark does).
 */
package org.transcriptnlp.pipeline;

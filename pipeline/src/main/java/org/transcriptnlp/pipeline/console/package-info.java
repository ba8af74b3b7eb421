/**
 * What the terminal shows while and after a job runs: the live progress line from the Beam metrics
 * ({@link Progress}), the end-of-run summary with its check that every processed file is accounted
 * for ({@link RunSummary}), and the line printed on SIGTERM, SIGINT or SIGHUP ({@link
 * StopSignals}). It may depend on pipeline.runs, pipeline.options and the packages below them; not
 * on pipeline or pipeline.report.
 */
package org.transcriptnlp.pipeline.console;

/**
 * The command line: every option of the job ({@link TranscriptNlpOptions}, Beam pipeline options),
 * the job's settings validated from them ({@link JobConfig}) and {@link UsageException}, a misuse
 * reported in one line with exit code 2. It may depend on beam and the packages below it (it uses
 * formats and nlp); not on the other pipeline packages.
 */
package org.transcriptnlp.pipeline.options;

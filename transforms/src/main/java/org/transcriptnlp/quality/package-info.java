/**
 * Scoring the parser against gold files: what a careful reader finds in a transcript ({@link Gold},
 * read from a {@code .gold.json} file), how one parsed transcript compares with it ({@link
 * GoldScore}) and a command-line report over a folder of gold files ({@link GoldReport}). A
 * developer's tool, not part of the job: it may depend on extract and the packages below it
 * (formats, parse, model); no package of the job depends on it.
 */
package org.transcriptnlp.quality;

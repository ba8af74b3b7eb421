package org.transcriptnlp.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Every option of the job. Beam options (--runner, --targetParallelism, ...) come on top. */
public interface TranscriptNlpOptions extends PipelineOptions {

  @Description(
      "Transcript files to read: one or more comma-separated globs, e.g. 'samples/transcripts/*' or"
          + " 'archive/2024/*.txt,archive/2025/*.md'. Text, Markdown, HTML, WebVTT, SRT, JSON, XML,"
          + " CSV/TSV, Word .docx and PDF; .gz is decompressed.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Warehouse folder of the tables (local or hdfs://): the Apache Iceberg tables"
          + " transcripts.answers, sentences, entities, turns, rejects, manifest and runs, in"
          + " OUTPUT/transcripts/<table>/ with the default --catalog=hadoop. Each run commits its"
          + " rows to them, replacing the rows they supersede.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "incremental: process only the matched files that are new or whose bytes changed since the"
          + " manifest's entry for them (unchanged files are hashed, not read into the pipeline);"
          + " stops without a change when the current rows were made with other row-shaping"
          + " settings. full: process every matched file; the commit replaces every earlier row."
          + " maintain: no --input; compact small data files, expire old snapshots, delete files no"
          + " snapshot references.")
  @Default.String("incremental")
  String getMode();

  void setMode(String value);

  @Description(
      "Format of the input files: auto (detected per file from its extension and content), text"
          + " (plain text, Markdown, line-numbered), html, vtt, srt, json, xml, csv, tsv, docx or"
          + " pdf.")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);

  @Description(
      "CoreNLP annotators to run on answers: 'sentiment,entities' (both), 'sentiment', 'entities', "
          + "or 'none' (turn parsing and pairing only, no CoreNLP: fast).")
  @Default.String("sentiment,entities")
  String getAnnotators();

  void setAnnotators(String value);

  @Description(
      "Parser behind sentiment: sr (shift-reduce, the default; 5-7 times the PCFG's speed here) or"
          + " pcfg (CoreNLP's default, cubic in sentence length). docs/performance.md, Choices with"
          + " numbers, has both and how their labels differ.")
  @Default.String("sr")
  String getParser();

  void setParser(String value);

  @Description(
      "Sentences longer than this many tokens are not parsed: their sentiment is null and"
          + " sentences.too_long_to_parse is true. Guards against the PCFG's cubic cost and the"
          + " stack depth of the trees of run-on sentences. At most 250.")
  @Default.Integer(80)
  int getParseMaxLength();

  void setParseMaxLength(int value);

  @Description(
      "Fine-grained NER types (COUNTRY, CITY, NATIONALITY, TITLE, ...) instead of LOCATION, MISC. "
          + "Slower entity annotation; see docs/performance.md, Choices with numbers.")
  @Default.Boolean(false)
  boolean getNerFineGrained();

  void setNerFineGrained(boolean value);

  @Description(
      "CoreNLP's numeric classifiers: NUMBER, ORDINAL and DURATION mentions, and DATE, TIME, MONEY,"
          + " PERCENT found by rule as well as by the statistical model (which finds those four"
          + " either way).")
  @Default.Boolean(true)
  boolean getNerNumeric();

  void setNerNumeric(boolean value);

  @Description(
      "SUTime's rules on top of the numeric classifiers: SET mentions (\"every year\") and its own"
          + " DATE, TIME, DURATION spans. Slower entity annotation; see docs/performance.md,"
          + " Choices with numbers.")
  @Default.Boolean(false)
  boolean getNerSutime();

  void setNerSutime(boolean value);

  @Description(
      "Comma-separated speaker names or labels that are always questioners (overrides inference).")
  @Default.String("")
  String getQuestioners();

  void setQuestioners(String value);

  @Description(
      "Comma-separated speaker names or labels that are always respondents (overrides inference).")
  @Default.String("")
  String getRespondents();

  void setRespondents(String value);

  @Description(
      "Print how each file matching this glob is split into turns (speaker, role, and why: label,"
          + " alias, format or inferred), which question each answer answers and what was left out"
          + " as non-speech; then exit without running the job. --input and --output are not"
          + " needed.")
  @Default.String("")
  String getExplain();

  void setExplain(String value);

  @Description("Files larger than this are rejected (reason file_too_large) instead of read.")
  @Default.Integer(64)
  int getMaxFileMegabytes();

  void setMaxFileMegabytes(int value);

  @Description(
      "A .gz file that inflates to more than this many times its size is rejected"
          + " (compression_ratio_too_high) while it is inflated: a gzip bomb, not a transcript."
          + " Text compresses about 3-10 times.")
  @Default.Integer(100)
  int getMaxCompressionRatio();

  void setMaxCompressionRatio(int value);

  @Description(
      "Answers longer than this many characters are not annotated (rejects: answer_too_long); they "
          + "stay in the answers and turns tables with null annotation columns.")
  @Default.Integer(100_000)
  int getMaxAnswerChars();

  void setMaxAnswerChars(int value);

  @Description(
      "An annotator that takes longer than this on one answer is interrupted and the answer goes to"
          + " rejects (annotation_timeout); the job goes on. 0 for no limit.")
  @Default.Integer(300)
  int getMaxAnswerSeconds();

  void setMaxAnswerSeconds(int value);

  @Description(
      "Size a table's Parquet file is filled to before the next file begins, in megabytes: a table "
          + "smaller than this is one file.")
  @Default.Double(128)
  double getTargetFileMegabytes();

  void setTargetFileMegabytes(double value);

  @Description(
      "A live progress line on the Direct Runner (files, answers and sentences done, rate, time"
          + " left), on standard error: auto (only when there is a terminal), always or never.")
  @Default.String("auto")
  String getProgress();

  void setProgress(String value);

  @Description(
      "Folder to write an HTML report of the output's current rows to after the run: index.html and"
          + " one page per interview (sentiment arc, top entities, talk share), self-contained."
          + " Empty: no report.")
  @Default.String("")
  String getReport();

  void setReport(String value);

  @Description(
      "The Iceberg catalog of the tables: hadoop (the default: a file-system catalog whose"
          + " warehouse is --output, no service needed), a JDBC URL (jdbc:sqlite:/path/catalog.db,"
          + " jdbc:postgresql://...) or a REST catalog's http(s):// URI. The data files are written"
          + " under --output either way.")
  @Default.String("hadoop")
  String getCatalog();

  void setCatalog(String value);

  @Description(
      "Snapshots of the tables older than this many days are expired after each run (the current"
          + " snapshot and the last 10 are always kept), with the data files only they referenced.")
  @Default.Integer(7)
  int getKeepSnapshotsDays();

  void setKeepSnapshotsDays(int value);

  @Description(
      "Files under the tables' data folders that no snapshot references (left by a run that crashed"
          + " or lost a conflict) and staged files are deleted by a later run once the newest file"
          + " of their run is this many minutes old (younger ones may belong to a run still going);"
          + " a killed run's commits without a runs row are rolled back once this old (before that,"
          + " a new run exits 4). 0 recovers at once, when no other run uses the output.")
  @Default.Integer(60)
  int getCleanAfterMinutes();

  void setCleanAfterMinutes(int value);

  @Description(
      "Write the current rows of every table as plain Parquet files to this folder"
          + " (DIR/answers/*.parquet, ...), for readers that know no Iceberg; with --output, and"
          + " without --input.")
  @Default.String("")
  String getExport();

  void setExport(String value);
}

/**
 * The self-contained HTML report of an output folder ({@link HtmlReport}): the current rows it
 * shows, read from the data files of each table's current snapshot ({@link ReportData}), and its
 * inline SVG charts ({@link Svg}). It may depend on pipeline.runs, pipeline.options and the
 * packages below them; not on pipeline or pipeline.console.
 */
package org.transcriptnlp.pipeline.report;

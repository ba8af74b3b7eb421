package org.transcriptnlp.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Court-reporter (stenographic) layout: every line prefixed by its number 1-25 on the page, page
 * numbers on lines of their own, form feeds between pages, often double-spaced. The numbers are
 * removed and paragraphs rebuilt from indentation: a line indented deeper than the usual text
 * column starts a paragraph; others continue it. Text that is not line-numbered is returned as is.
 */
public final class LineNumbered {
  private static final Pattern NUMBERED =
      Pattern.compile("^\\s{0,10}(\\d{1,2})(?:(\\s+)(\\S.*))?\\s*$");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s{12,}\\d{1,5}\\s*$");

  private LineNumbered() {}

  /** True when most non-blank lines start with a line number of 1-25. */
  public static boolean isLineNumbered(String text) {
    int lines = 0;
    int numbered = 0;
    for (String line : text.split("\n", -1)) {
      String l = line.replace("\f", "").replace("\r", "");
      if (l.isBlank() || PAGE_NUMBER.matcher(l).matches()) {
        continue;
      }
      lines++;
      Matcher m = NUMBERED.matcher(l);
      if (m.matches() && Integer.parseInt(m.group(1)) <= 25) {
        numbered++;
      }
    }
    return lines >= 20 && numbered * 10 >= lines * 6;
  }

  public static String strip(String text) {
    if (!isLineNumbered(text)) {
      return text;
    }
    List<String> contents = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    Map<Integer, Integer> columnCounts = new HashMap<>();
    for (String line :
        text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1)) {
      if (line.isBlank() || PAGE_NUMBER.matcher(line).matches()) {
        continue;
      }
      Matcher m = NUMBERED.matcher(line);
      String content;
      int column;
      if (m.matches() && Integer.parseInt(m.group(1)) <= 25) {
        if (m.group(3) == null) {
          continue; // a numbered blank line
        }
        content = m.group(3);
        column = m.start(3);
      } else {
        content = line.strip();
        column = line.indexOf(content.charAt(0));
      }
      contents.add(content);
      columns.add(column);
      columnCounts.merge(column, 1, Integer::sum);
    }
    int base =
        columnCounts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < contents.size(); i++) {
      if (i > 0) {
        out.append(columns.get(i) >= base + 3 ? "\n\n" : "\n");
      }
      out.append(contents.get(i));
    }
    return out.toString();
  }
}

package org.transcriptnlp.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.transcriptnlp.model.Block;

/**
 * PDF transcripts through Apache PDFBox: the text layer line by line, in the order the page draws
 * it, with each line's position and fonts. Page furniture is left out: a line that repeats on most
 * pages (its digits ignored: running headers, "Page 3 of 9", "Alderson Reporting Company"), a line
 * that is only a page number, the court reporter's line numbers 1-25 down the margin, and the lines
 * of a word index (mostly page:line references). Paragraphs are rebuilt from the layout: a wider
 * gap than the page's usual line spacing, an indented first line, or a line starting with a bold
 * name starts one; the other lines are joined. A line whose text is all bold is written {@code
 * **text**}, and a bold lead ending in a colon {@code **Name:**}, so that the label finder sees
 * bold names.
 *
 * <p>Bounded: at most {@value #MAX_PAGES} pages, PDFBox's scratch memory in temporary files. A PDF
 * without a text layer (scanned pages) is refused ({@code no_text_layer}), as is one that needs a
 * password ({@code encrypted_pdf}) or cannot be parsed ({@code corrupt_pdf}).
 */
final class PdfReader {
  static final int MAX_PAGES = 2000;
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "(?i)^(?:-\\s*)?(?:page\\s+)?\\d{1,4}(?:\\s*(?:/|of)\\s*\\d{1,4})?(?:\\s*-)?$");
  private static final Pattern LINE_NUMBER = Pattern.compile("^(\\d{1,2})(?:\\s+(.*))?$");

  private PdfReader() {}

  /** One line of a page: its text, where it starts and sits, and whether its text is bold. */
  record Line(String text, float x, float y, float height, boolean bold, String boldLead) {}

  static List<Block> read(byte[] bytes) {
    List<List<Line>> pages;
    try (PDDocument doc =
        Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
      int n = doc.getNumberOfPages();
      if (n > MAX_PAGES) {
        throw new FormatException(
            "too_many_pages", "the PDF has " + n + " pages, more than the limit of " + MAX_PAGES);
      }
      LineStripper stripper = new LineStripper();
      stripper.getText(doc);
      pages = stripper.pages;
    } catch (InvalidPasswordException e) {
      throw new FormatException(
          "encrypted_pdf", "the PDF is encrypted and needs a password to be read");
    } catch (IOException | RuntimeException e) {
      if (e instanceof FormatException f) {
        throw f;
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new FormatException(
          "corrupt_pdf", "not a readable PDF: " + what.replaceAll("\\s+", " "));
    }
    long chars =
        pages.stream().flatMap(List::stream).mapToLong(l -> l.text().strip().length()).sum();
    if (chars < 20) {
      throw new FormatException(
          "no_text_layer",
          "the PDF's "
              + pages.size()
              + " page(s) have no text layer (a scan?): it needs OCR before it can be read");
    }
    return paragraphs(clean(pages));
  }

  /** Collects each page's lines with their fonts and positions. */
  private static final class LineStripper extends PDFTextStripper {
    final List<List<Line>> pages = new ArrayList<>();

    LineStripper() throws IOException {
      setSortByPosition(false);
      setLineSeparator("\n");
    }

    @Override
    protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
      pages.add(new ArrayList<>());
      super.startPage(page);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      if (positions.isEmpty() || text.isBlank() || pages.isEmpty()) {
        return;
      }
      int bold = 0;
      int letters = 0;
      StringBuilder lead = new StringBuilder();
      boolean inLead = true;
      for (TextPosition p : positions) {
        String u = p.getUnicode();
        boolean b = isBold(p.getFont());
        if (u != null && !u.isBlank()) {
          letters++;
          bold += b ? 1 : 0;
        }
        if (inLead && (b || (u != null && u.isBlank())) && lead.indexOf(":") < 0) {
          lead.append(u == null ? "" : u);
        } else {
          inLead = false;
        }
      }
      TextPosition first = positions.get(0);
      List<Line> page = pages.get(pages.size() - 1);
      Line line =
          new Line(
              text,
              first.getXDirAdj(),
              first.getYDirAdj(),
              first.getHeightDir(),
              letters > 0 && bold == letters,
              lead.toString().strip().endsWith(":") ? lead.toString() : null);
      page.add(line);
    }

    /**
     * The page's pieces top to bottom, and the pieces of one visual line (a margin line number
     * drawn before the text, a label and its speech after a wide gap) joined left to right.
     */
    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
      List<Line> pieces = pages.get(pages.size() - 1);
      List<Line> sorted = new ArrayList<>(pieces);
      sorted.sort(
          (p, q) ->
              Math.abs(p.y() - q.y()) < 0.5f * Math.max(1f, Math.min(p.height(), q.height()))
                  ? Float.compare(p.x(), q.x())
                  : Float.compare(p.y(), q.y()));
      List<Line> lines = new ArrayList<>();
      for (Line l : sorted) {
        Line prev = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (prev != null
            && Math.abs(prev.y() - l.y())
                < 0.5f * Math.max(1f, Math.min(prev.height(), l.height()))) {
          // A number in the margin (a court line number, a paragraph number) is not part of the
          // line.
          boolean number = prev.text().strip().matches("\\d{1,4}") && l.x() > prev.x();
          lines.set(
              lines.size() - 1,
              new Line(
                  number ? l.text() : prev.text() + " " + l.text(),
                  number ? l.x() : prev.x(),
                  prev.y(),
                  Math.max(prev.height(), l.height()),
                  number ? l.bold() : prev.bold() && l.bold(),
                  number ? l.boldLead() : prev.boldLead()));
        } else {
          lines.add(l);
        }
      }
      pieces.clear();
      pieces.addAll(lines);
      super.endPage(page);
    }

    private static boolean isBold(PDFont font) {
      if (font == null) {
        return false;
      }
      String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
      if (name.contains("bold")
          || name.contains("black")
          || name.contains("heavy")
          || name.contains("semibold")) {
        return true;
      }
      PDFontDescriptor d = font.getFontDescriptor();
      return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
    }
  }

  private static final Pattern PAGE_LINE_REF = Pattern.compile("\\b\\d{1,3}:\\d{1,2}\\b");

  /**
   * A line of a word index: mostly page:line references ("argument 3:2,21 60:8 agencies 45:15").
   */
  private static boolean isIndex(String line) {
    long refs = PAGE_LINE_REF.matcher(line).results().count();
    int tokens = line.split("\\s+").length;
    return refs >= 2 && refs * 5 >= tokens * 2;
  }

  /** Normalised for comparing lines across pages: digits as #, spaces collapsed, lower case. */
  private static String shape(String text) {
    return text.replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  /** Removes running headers and footers, page numbers and margin line numbers. */
  static List<List<Line>> clean(List<List<Line>> pages) {
    Map<String, Integer> onPages = new HashMap<>();
    for (List<Line> page : pages) {
      Set<String> seen = new HashSet<>();
      // Only the top and bottom lines of a page can be running headers or footers.
      for (int i = 0; i < page.size(); i++) {
        if (i < 4 || i >= page.size() - 4) {
          seen.add(shape(page.get(i).text()));
        }
      }
      seen.forEach(s -> onPages.merge(s, 1, Integer::sum));
    }
    int n = pages.size();
    Set<String> furniture = new HashSet<>();
    if (n >= 3) {
      onPages.forEach(
          (s, count) -> {
            if (count * 2 > n && !s.isEmpty()) {
              furniture.add(s);
            }
          });
    }
    List<List<Line>> out = new ArrayList<>();
    for (List<Line> page : pages) {
      long indexLines =
          page.stream().filter(l -> PAGE_LINE_REF.matcher(l.text()).results().count() >= 2).count();
      if (indexLines >= 5 && indexLines * 10 >= page.size() * 3) {
        continue; // a page of the word index at the end of a court transcript
      }
      List<Line> kept = new ArrayList<>();
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        String t = l.text().replace('\u00A0', ' ').strip();
        boolean edge = i < 4 || i >= page.size() - 4;
        if (t.isEmpty()
            || (edge && furniture.contains(shape(t)))
            || PAGE_NUMBER.matcher(t).matches()
            || t.matches("\\d{1,4}(?:\\s+\\d{1,4})*")
            || isIndex(t)) {
          continue;
        }
        kept.add(l);
      }
      out.add(stripLineNumbers(kept));
    }
    return out;
  }

  /**
   * Court transcripts number the lines of each page 1-25 in the margin: when most lines of a page
   * start with the numbers counting up, the numbers are removed (and lines that are only a number).
   */
  private static List<Line> stripLineNumbers(List<Line> page) {
    int counting = 0;
    int expected = 1;
    for (Line l : page) {
      Matcher m = LINE_NUMBER.matcher(l.text().strip());
      if (m.matches() && Integer.parseInt(m.group(1)) == expected) {
        counting++;
        expected++;
      }
    }
    if (counting < 5 || counting * 2 < page.size()) {
      return page;
    }
    List<Line> out = new ArrayList<>();
    expected = 1;
    for (Line l : page) {
      Matcher m = LINE_NUMBER.matcher(l.text().strip());
      if (m.matches() && Integer.parseInt(m.group(1)) == expected) {
        expected++;
        if (m.group(2) == null || m.group(2).isBlank()) {
          continue;
        }
        out.add(new Line(m.group(2), l.x(), l.y(), l.height(), l.bold(), l.boldLead()));
      } else {
        out.add(l);
      }
    }
    return out;
  }

  /** Lines into paragraphs, by the gaps and indents of each page. */
  static List<Block> paragraphs(List<List<Line>> pages) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    StringBuilder paren = null;
    for (List<Line> page : pages) {
      List<Float> gaps = new ArrayList<>();
      Map<Integer, Integer> lefts = new HashMap<>();
      for (int i = 0; i < page.size(); i++) {
        if (i > 0) {
          float g = page.get(i).y() - page.get(i - 1).y();
          if (g > 0) {
            gaps.add(g);
          }
        }
        lefts.merge(Math.round(page.get(i).x()), 1, Integer::sum);
      }
      float usualGap = gaps.isEmpty() ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
      int left =
          lefts.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(0);
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        String text = render(l);
        if (heading(l, left)) {
          // A centred line in capitals between turns ("ORAL ARGUMENT OF ...") is a heading: kept as
          // a
          // stage direction, so it is in no one's speech.
          if (current.length() > 0) {
            blocks.add(Block.text(current.toString()));
            current.setLength(0);
          }
          String t = l.text().replaceAll("\\s+", " ").strip();
          if (t.length() <= 40) {
            blocks.add(Block.text("{" + t + "}"));
          }
          continue;
        }
        float gap = i == 0 ? 0 : l.y() - page.get(i - 1).y();
        boolean indented = l.x() > left + 1.5f * Math.max(4f, l.height());
        boolean wide = usualGap > 0 && (gap > usualGap * 1.45f || gap < 0);
        boolean boldName = l.boldLead() != null || l.bold();
        if (paren != null) {
          paren.append(' ').append(text);
          if (text.contains(")")) {
            closeParenthesis(paren, blocks);
            paren = null;
          }
          continue;
        }
        boolean starts =
            current.length() == 0
                || indented
                || wide
                || boldName
                || (i > 0 && page.get(i - 1).bold() && !l.bold());
        if (starts && text.startsWith("(") && !text.contains(")")) {
          // The reporter's note in parentheses over several lines: "(Whereupon, at 11:41 a.m., the
          // case
          // in the above-entitled matter was submitted.)".
          if (current.length() > 0) {
            blocks.add(Block.text(current.toString()));
            current.setLength(0);
          }
          paren = new StringBuilder(text);
          continue;
        }
        if (current.length() > 0 && starts) {
          blocks.add(Block.text(current.toString()));
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append(
              current.charAt(current.length() - 1) == '-' && Character.isLowerCase(text.charAt(0))
                  ? ""
                  : " ");
        }
        current.append(text);
      }
    }
    if (paren != null) {
      current.append(current.length() > 0 ? " " : "").append(paren);
    }
    if (current.length() > 0) {
      blocks.add(Block.text(current.toString()));
    }
    // A paragraph wholly in parentheses is the reporter's note ("(Whereupon, at 11:43 a.m., the
    // case
    // ... was submitted.)"): a stage direction when short, left out when long.
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      String t = b.text();
      if (t.startsWith("(")
          && (t.endsWith(")") || t.endsWith(")."))
          && t.indexOf(')') >= t.length() - 2) {
        String inner = t.substring(1, t.lastIndexOf(')')).strip();
        if (inner.length() <= 40 && !inner.isEmpty()) {
          out.add(Block.text("{" + inner + "}"));
        }
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * A note in parentheses: a stage direction when short; when long, left out; text after it is a
   * paragraph.
   */
  private static void closeParenthesis(StringBuilder paren, List<Block> blocks) {
    String t = paren.toString();
    int close = t.indexOf(')');
    String inner = t.substring(1, close).strip();
    if (!inner.isEmpty() && inner.length() <= 40) {
      blocks.add(Block.text("{" + inner + "}"));
    }
    String rest = t.substring(close + 1).replaceFirst("^[.\\s]+", "").strip();
    if (!rest.isEmpty()) {
      blocks.add(Block.text(rest));
    }
  }

  /** A heading: capitals only, no label colon, indented well past the text's left edge. */
  private static boolean heading(Line l, int left) {
    String t = l.text().strip();
    return t.length() >= 4
        && t.equals(t.toUpperCase(Locale.ROOT))
        && t.chars().filter(Character::isLetter).count() >= 4
        && !t.contains(":")
        && l.x() > left + 4 * Math.max(4f, l.height())
        && !t.startsWith("(");
  }

  private static String render(Line l) {
    String t = l.text().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    if (l.bold() && !t.isEmpty()) {
      return "**" + t + "**";
    }
    if (l.boldLead() != null) {
      String lead = l.boldLead().replaceAll("\\s+", " ").strip();
      if (t.startsWith(lead)) {
        return "**" + lead + "** " + t.substring(lead.length()).strip();
      }
    }
    return t;
  }
}

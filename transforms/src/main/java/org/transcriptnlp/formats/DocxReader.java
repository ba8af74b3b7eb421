package org.transcriptnlp.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.transcriptnlp.model.Block;

/**
 * Word (.docx) transcripts through Apache POI: the body's paragraphs in reading order, tables row
 * by row (a row of a short name and a longer text becomes {@code Name: text}). Headers, footers,
 * footnotes and comments are other parts of the package and never read. A paragraph whose whole
 * text is bold is written {@code **text**}, and a bold run that opens a paragraph and ends in a
 * colon {@code **Name:**}, so that the label finder sees bold speaker names.
 *
 * <p>POI's zip-bomb guard refuses entries that inflate more than 100 times or past 100 MB, and text
 * past 10 M characters (its default): a crafted file is refused ({@code corrupt_docx}) instead of
 * filling the heap. A file that is not a Word package (damaged, encrypted, a legacy .doc) is
 * refused too.
 */
final class DocxReader {
  static {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
  }

  private DocxReader() {}

  static List<Block> read(byte[] bytes) {
    if (bytes.length >= 4
        && (bytes[0] & 0xFF) == 0xD0
        && (bytes[1] & 0xFF) == 0xCF
        && (bytes[2] & 0xFF) == 0x11) {
      throw new FormatException(
          "encrypted_docx",
          "an OLE2 file, not a Word package: a password-protected .docx or a legacy .doc; save it"
              + " as .docx without a password");
    }
    List<Block> blocks = new ArrayList<>();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          add(blocks, render(p));
        } else if (e instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            add(blocks, row(row));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FormatException f) {
        throw f;
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new FormatException(
          "corrupt_docx", "not a readable Word document: " + what.replaceAll("\\s+", " "));
    }
    if (blocks.isEmpty()) {
      throw new FormatException("no_text", "the Word document's body has no text");
    }
    return blocks;
  }

  private static void add(List<Block> blocks, String text) {
    String t = text.replace('\u00A0', ' ').replaceAll("[ \\t\\n\\r\\u000B\\f]+", " ").strip();
    if (!t.isEmpty() && !t.equals("****")) {
      blocks.add(Block.text(t));
    }
  }

  /**
   * A table row: a short first cell and a longer one is a speaker and speech; otherwise the cells
   * in order.
   */
  private static String row(XWPFTableRow row) {
    List<String> cells = new ArrayList<>();
    for (XWPFTableCell c : row.getTableCells()) {
      StringBuilder sb = new StringBuilder();
      for (XWPFParagraph p : c.getParagraphs()) {
        sb.append(sb.length() == 0 ? "" : " ").append(p.getText());
      }
      String s = sb.toString().strip();
      if (!s.isEmpty()) {
        cells.add(s);
      }
    }
    if (cells.size() == 2
        && cells.get(0).length() <= 40
        && cells.get(1).length() > cells.get(0).length()
        && !cells.get(0).matches(".*[.?!]$")
        && !cells.get(0).matches("[\\d:.,\\s]+")) {
      String name = cells.get(0).endsWith(":") ? cells.get(0) : cells.get(0) + ":";
      return name + " " + cells.get(1);
    }
    return String.join(" ", cells);
  }

  /** A paragraph's runs, with its bold speaker name or whole bold text marked as Markdown does. */
  static String render(XWPFParagraph p) {
    List<XWPFRun> runs = p.getRuns();
    StringBuilder all = new StringBuilder();
    StringBuilder boldLead = new StringBuilder();
    boolean inLead = true;
    boolean allBold = true;
    for (XWPFRun r : runs) {
      String t = r.text();
      if (t == null || t.isEmpty()) {
        continue;
      }
      boolean bold = r.isBold();
      if (!t.isBlank()) {
        allBold &= bold;
      }
      if (inLead && (bold || t.isBlank()) && boldLead.indexOf(":") < 0) {
        boldLead.append(t);
      } else {
        inLead = false;
      }
      all.append(t);
    }
    String text = all.toString();
    if (text.isBlank()) {
      return "";
    }
    if (allBold) {
      return "**" + text.strip() + "**";
    }
    String lead = boldLead.toString().strip();
    if (lead.endsWith(":") && lead.length() > 1 && text.startsWith(boldLead.toString())) {
      String rest = text.substring(boldLead.length()).strip();
      return "**" + lead + "** " + rest;
    }
    return text;
  }
}

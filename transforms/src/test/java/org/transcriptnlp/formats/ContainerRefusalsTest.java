package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.Block;

/**
 * Word and PDF files that cannot be read are refused with a reason; bold names are marked;
 * detection by bytes.
 */
class ContainerRefusalsTest {
  private static TranscriptFiles.Refused refused(String name, byte[] bytes) {
    return assertThrows(
        TranscriptFiles.Refused.class, () -> TranscriptFiles.read(name, bytes, null));
  }

  private static byte[] pdf(boolean text, String password) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        if (text) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 12);
          cs.newLineAtOffset(72, 700);
          cs.showText("Q: Where were you that night, exactly?");
          cs.endText();
        } else {
          cs.addRect(72, 72, 300, 300); // a scanned page: pictures, no text
          cs.fill();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner", password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void pdfsWithoutTextLayerEncryptedOrCorruptAreRefused() throws Exception {
    TranscriptFiles.Refused scan = refused("scan.pdf", pdf(false, null));
    assertEquals(List.of("parse", "no_text_layer"), List.of(scan.stage(), scan.reason()));
    assertEquals("encrypted_pdf", refused("locked.pdf", pdf(true, "secret")).reason());
    assertEquals(
        "corrupt_pdf",
        refused("x.pdf", "%PDF-1.7\n1 0 obj garbage".getBytes(StandardCharsets.US_ASCII)).reason());
    // Bold text is marked for the label finder; detected by its bytes whatever the name.
    TranscriptFiles.Read read = TranscriptFiles.read("no-extension", pdf(true, null), null);
    assertEquals(Format.PDF, read.format());
    assertEquals(List.of(Block.text("**Q: Where were you that night, exactly?**")), read.blocks());
    // An owner password alone (no user password) does not stop reading.
    assertEquals(1, TranscriptFiles.read("owner-only.pdf", pdf(true, ""), null).blocks().size());
  }

  @Test
  void docxCorruptEncryptedOrAZipBombIsRefused() throws Exception {
    assertEquals(
        "corrupt_docx",
        refused(
                "x.docx",
                "PK\u0003\u0004word/document.xml junk".getBytes(StandardCharsets.ISO_8859_1))
            .reason());
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0
    };
    assertEquals("encrypted_docx", refused("locked.docx", ole2).reason());
    // 50 MB of one repeated byte inflating from about 50 kB: POI's guard stops it.
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 50; i++) {
        z.write(spaces);
      }
    }
    TranscriptFiles.Refused bomb = refused("bomb.docx", zip.toByteArray());
    assertEquals("corrupt_docx", bomb.reason());
    assertTrue(
        bomb.getMessage().toLowerCase().contains("zip bomb") || bomb.getMessage().contains("ratio"),
        bomb.getMessage());
  }

  @Test
  void docxBoldNamesAndTablesAreMarked() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph title = doc.createParagraph();
      XWPFRun t = title.createRun();
      t.setBold(true);
      t.setText("Interview with Ann Lee");
      XWPFParagraph p = doc.createParagraph();
      XWPFRun name = p.createRun();
      name.setBold(true);
      name.setText("Interviewer:");
      p.createRun().setText(" Where did you grow up?");
      var table = doc.createTable(1, 2);
      table.getRow(0).getCell(0).setText("Ann Lee");
      table.getRow(0).getCell(1).setText("In a small town by the sea.");
      doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
          .createParagraph()
          .createRun()
          .setText("CONFIDENTIAL DRAFT");
      doc.write(out);
    }
    TranscriptFiles.Read read = TranscriptFiles.read("interview.docx", out.toByteArray(), null);
    assertEquals(
        List.of(
            Block.text("**Interview with Ann Lee**"),
            Block.text("**Interviewer:** Where did you grow up?"),
            Block.text("Ann Lee: In a small town by the sea.")),
        read.blocks());
  }
}

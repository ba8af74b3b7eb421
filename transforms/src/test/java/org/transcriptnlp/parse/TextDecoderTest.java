package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.testing.Fixtures;

class TextDecoderTest {
  private static final String TEXT = "DK: Let’s talk — café?";

  @Test
  void utf8WithAndWithoutBom() throws Exception {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(TEXT, TextDecoder.decode(utf8).text());
    TextDecoder.Decoded bom =
        TextDecoder.decode(
            Fixtures.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
    assertEquals(TEXT, bom.text());
    assertEquals("UTF-8", bom.charset());
  }

  @Test
  void utf16WithBom() throws Exception {
    byte[] le =
        Fixtures.concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(TEXT, TextDecoder.decode(le).text());
    assertEquals("UTF-16LE", TextDecoder.decode(le).charset());
    byte[] be =
        Fixtures.concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(TEXT, TextDecoder.decode(be).text());
  }

  @Test
  void windows1252WhenNotValidUtf8() throws Exception {
    byte[] cp1252 = TEXT.getBytes(Charset.forName("windows-1252"));
    TextDecoder.Decoded d = TextDecoder.decode(cp1252);
    assertEquals(TEXT, d.text());
    assertEquals("windows-1252", d.charset());
  }

  @Test
  void binaryIsRefused() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    TextDecoder.UndecodableException e =
        assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(png));
    assertEquals("binary_content", e.reason());
  }

  @Test
  void utf16WithoutBomIsToldByItsNulBytes() throws Exception {
    String text = "Q: How was the summit in Zürich?\nA: It was très productive — we agreed.\n";
    TextDecoder.Decoded le = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(text, le.text());
    assertEquals("UTF-16LE", le.charset());
    TextDecoder.Decoded be = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(text, be.text());
    assertEquals("UTF-16BE", be.charset());
  }

  @Test
  void utf32WithAndWithoutBom() throws Exception {
    String text =
        "Q: How was the summit in Zürich? 你好\nA: It was très productive — we agreed. 😀\n";
    for (String name : java.util.List.of("UTF-32LE", "UTF-32BE")) {
      byte[] plain = text.getBytes(Charset.forName(name));
      byte[] bom =
          name.endsWith("LE")
              ? new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}
              : new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
      for (byte[] bytes : java.util.List.of(plain, Fixtures.concat(bom, plain))) {
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        assertEquals(text, d.text(), name);
        assertEquals(name, d.charset());
        assertEquals(0, d.replaced());
      }
    }
  }

  @Test
  void nulBellDelAndAnsiEscapesAreRemovedAndCounted() throws Exception {
    byte[] bytes =
        "Q: Is there a NUL\0 here\u0007?\nA: Yes\u000B there is \u001B[31ma bell\u007F\0.\n"
            .getBytes(StandardCharsets.UTF_8);
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    assertEquals("Q: Is there a NUL here?\nA: Yes\u000B there is a bell.\n", d.text());
    assertEquals(5, d.controlsRemoved());
    assertEquals("UTF-8", d.charset());
  }

  @Test
  void damagedUtf8KeepsItsGoodCharactersAndCountsTheBadBytes() throws Exception {
    byte[] good = "Q: Zürich — café?\nA: Très bien".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Fixtures.concat(good, new byte[] {(byte) 0xFF, '.', '\n'});
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    assertEquals("Q: Zürich — café?\nA: Très bien\uFFFD.\n", d.text());
    assertEquals("UTF-8", d.charset());
    assertEquals(1, d.replaced());
  }

  @Test
  void cyrillicAndCentralEuropeanCodePagesAreDetected() throws Exception {
    String text =
        "Вопрос: Господин президент, как вы оцениваете итоги года для экономики Казахстана?\n"
            + "Ответ: Экономика выросла, несмотря на трудности. Мы продолжим реформы, и я уверен, "
            + "что граждане почувствуют результаты уже в следующем году.\n";
    String czech =
        "Otázka: Jak hodnotíte výsledky letošního roku pro českou ekonomiku? "
            + "Odpověď: Ekonomika rostla, přestože čelila potížím.\n";
    assertEquals(czech, TextDecoder.decode(czech.getBytes(Charset.forName("windows-1250"))).text());
    for (String charset : new String[] {"windows-1251", "KOI8-R"}) {
      TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName(charset)));
      assertEquals(text, d.text(), charset);
      assertEquals(charset, d.charset());
    }
  }

  @Test
  void ukrainianInKoi8UIsNotReadAsKoi8R() throws Exception {
    String text =
        "Питання: Де ви виросли і як там було?\n"
            + "Відповідь: Я виріс у Києві, біля Дніпра, і це було чудово. Мій батько був учителем,"
            + " а мати працювала в лікарні. Ґанок нашого будинку виходив на річку.\n"
            + "Питання: Чому ви обрали історію?\n"
            + "Відповідь: Бо змалку любив слухати дідові розповіді про минуле.\n";
    TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("KOI8-U")));
    assertEquals(text, d.text());
    assertEquals("KOI8-U", d.charset());
  }

  @Test
  void knownBinaryFormatsAreNamed() {
    byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    TextDecoder.UndecodableException e =
        assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(pdf));
    assertEquals("binary_content", e.reason());
    assertTrue(e.getMessage().contains("PDF"), e.getMessage());
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
    assertTrue(
        assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(zip))
            .getMessage()
            .contains("ZIP"));
  }

  @Test
  void manyControlBytesWithoutAKnownMagicAreBinary() {
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 7 == 0 ? 'a' : i % 5);
    }
    TextDecoder.UndecodableException e =
        assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(bytes));
    assertEquals("binary_content", e.reason());
  }
}

package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String TEXT = "DK: Let’s talk — café?";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf8WithAndWithoutBom() throws Exception {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(TEXT, TextDecoder.decode(utf8).text());
    TextDecoder.Decoded bom = TextDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
    assertEquals(TEXT, bom.text());
    assertEquals("UTF-8", bom.charset());
  }

  @Test
  void utf16WithBom() throws Exception {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(TEXT, TextDecoder.decode(le).text());
    assertEquals("UTF-16LE", TextDecoder.decode(le).charset());
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
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
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    TextDecoder.UndecodableException e = assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(png));
    assertEquals("binary_content", e.reason());
  }
}

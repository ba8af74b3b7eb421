package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decoding any bytes: a text or a reasoned refusal (binary content, or an encoding that cannot be
 * told), never an exception, never a control character left.
 */
class TextDecoderPropertiesTest {

  @Provide
  Arbitrary<byte[]> anyBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars(
            '\n', '\t', 'é', 'ü', '—', '’', '“', 'Ж', 'ы', '\u0000', '\u0007', '\u001B', '\u007F')
        .ofMaxLength(400);
  }

  @Property(tries = 1000)
  void anyBytesGiveTextWithoutControlsOrAReason(@ForAll("anyBytes") byte[] bytes) {
    try {
      TextDecoder.Decoded d = TextDecoder.decode(bytes);
      assertFalse(
          d.text().chars().anyMatch(c -> TextDecoder.isRemovedControl((char) c) || c == 0x1B),
          d.text());
      assertTrue(d.replaced() >= 0 && d.controlsRemoved() >= 0);
    } catch (TextDecoder.UndecodableException e) {
      assertTrue(
          e.reason().equals("binary_content")
              || e.reason().equals("invalid_encoding")
              || e.reason().equals("encoding_uncertain"),
          e.reason());
      assertFalse(e.getMessage().isBlank());
    }
  }

  /**
   * Text written as UTF-8 or UTF-16 (either order, no BOM needed) reads back, minus its control
   * characters.
   */
  @Property(tries = 500)
  void unicodeTextReadsBackWithoutItsControls(@ForAll("text") String text) throws Exception {
    String expected =
        text.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
            .replaceAll("[\\x00-\\x08\\x0E-\\x1F\\x7F]", "");
    for (Charset cs :
        new Charset[] {
          StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE
        }) {
      byte[] bytes = text.getBytes(cs);
      if (cs != StandardCharsets.UTF_8
          && (text.length() < 8 || nonLatinShare(text) > 0.5 || controlShare(bytes) > 0.10)) {
        continue; // too short, or too few NUL high bytes, to tell UTF-16 from other bytes without a
        // BOM
      }
      if (controlShare(bytes) > 0.10) {
        continue; // refused as binary: checked by the property above
      }
      assertEquals(expected, TextDecoder.decode(bytes).text(), cs.name());
    }
  }

  private static double nonLatinShare(String s) {
    return s.isEmpty()
        ? 0
        : (double) s.chars().filter(c -> c > 0xFF || c == 0).count() / s.length();
  }

  private static double controlShare(byte[] bytes) {
    return TextDecoder.controlShare(bytes);
  }
}

package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;

final class PdfReader {
  private PdfReader() {}

  static List<Block> read(byte[] bytes) {
    throw new FormatException("unsupported_format", "pdf is not read yet");
  }
}

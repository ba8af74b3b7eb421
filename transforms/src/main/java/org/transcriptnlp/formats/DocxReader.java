package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;

final class DocxReader {
  private DocxReader() {}

  static List<Block> read(byte[] bytes) {
    throw new FormatException("unsupported_format", "docx is not read yet");
  }
}

package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;

public final class CsvReader {
  static Format looksTabular(String start) {
    return null;
  }

  public List<Block> read(String text) {
    throw new FormatException("unsupported_format", "csv is not read yet");
  }
}

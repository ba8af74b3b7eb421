package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;

public final class XmlReader {
  public List<Block> read(String text) {
    throw new FormatException("unsupported_format", "xml is not read yet");
  }
}

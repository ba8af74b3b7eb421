package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextSegmenterTest {
  private final PlainTextSegmenter segmenter = new PlainTextSegmenter(new SpeakerLabels());

  @Test
  void oneParagraphPerLineWhenThereAreNoBlankLines() {
    assertEquals(
        List.of("A: One.", "Two.", "B: three"),
        segmenter.paragraphs("A: One.\r\nTwo.\r\nB: three\r\n"));
  }

  @Test
  void hardWrappedBlocksAreJoinedButALabelStartsAParagraph() {
    assertEquals(
        List.of("Q Does the president plan", "MS. PSAKI: Not today.", "He does not."),
        segmenter.paragraphs(
            "Q Does the president\nplan\nMS. PSAKI: Not today.\n\nHe does not.\n"));
  }

  @Test
  void aBlankLineInTheMiddleOfASentenceDoesNotSplitIt() {
    assertEquals(
        List.of("MODERATOR: And good afternoon, everyone.", "Next."),
        segmenter.paragraphs("MODERATOR: And\n\ngood afternoon, everyone.\n\nNext.\n"));
  }

  @Test
  void nonBreakingSpacesFrontMatterAndTrailingSpaces() {
    assertEquals(
        List.of("THE PRESIDENT: That’s right.", "Q What brings you?"),
        segmenter.paragraphs(
            "---\n"
                + "title: x\n"
                + "---\n"
                + " \u00A0\n"
                + "\u00A0\u00A0 THE PRESIDENT:\u00A0 That’s right.  \n"
                + "  \n"
                + " Q\u00A0\u00A0 What brings you?\n"));
  }
}

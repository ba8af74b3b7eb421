package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.testing.Fixtures;

/**
 * Speakers at the start of caption cues: names, chevrons, dashes, and unnamed cues between named
 * ones.
 */
class CaptionSpeakersTest {
  private static List<Block> read(String captions) {
    return new CaptionReader().read(captions);
  }

  private static String srt(String... cues) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cues.length; i++) {
      sb.append(i + 1)
          .append('\n')
          .append(String.format("00:00:%02d,000 --> 00:00:%02d,500%n", i, i))
          .append(cues[i])
          .append("\n\n");
    }
    return sb.toString();
  }

  @Test
  void bracketedAndChevronNamesAreTheSpeakerPlainLabelsStayInTheText() {
    assertEquals(
        List.of(
            new Block("Good evening. Welcome.", "Anderson", 0.0, 1.5),
            new Block("Thank you.", "SEN. WARREN", 2.0, 2.5),
            new Block("Kate: Next question.", null, 3.0, 3.5)),
        read(
            srt(
                "[Anderson]: Good evening.",
                "[Anderson]: Welcome.",
                ">> SEN. WARREN: Thank you.",
                "Kate: Next question.")));
  }

  @Test
  void chevronsAndDashesWithoutANameMarkAChangeOfSpeaker() {
    assertEquals(
        List.of(
            new Block("Where were you that night?", null, 0.0, 1.5, true),
            new Block("At home, with my family.", null, 2.0, 3.5, true),
            new Block("Can anyone confirm that?", null, 4.0, 4.5, true),
            new Block("My wife.", null, 4.0, 4.5, true)),
        read(
            srt(
                ">> Where were you",
                "that night?",
                ">> At home,",
                "with my family.",
                "- Can anyone confirm that?\n- My wife.")));
  }

  @Test
  void anUnnamedCueBetweenNamedOnesIsAnotherSpeakerWhereEveryCueIsNamed() {
    List<Block> blocks =
        read(
            srt(
                "HOST: Welcome back.",
                "GUEST: Thanks.",
                "HOST: So, the book?",
                "GUEST: Four years.",
                "HOST: Why so long?",
                "It was hard.",
                "GUEST: Research, mostly.",
                "HOST: I see.",
                "GUEST: Yes.",
                "HOST: Thanks."));
    assertEquals(new Block("HOST: Why so long?", null, 4.0, 4.5), blocks.get(4));
    assertEquals(new Block("It was hard.", null, 5.0, 5.5, true), blocks.get(5));
    assertEquals(10, blocks.size());
  }

  @Test
  void aNameOnlyOnATurnsFirstCueStillCarriesOn() throws Exception {
    List<Block> blocks =
        read(
            Files.readString(
                Fixtures.path(
                    "transforms/src/test/resources/corpus/captions/podcastns_example_label-in-first-cue.srt")));
    assertEquals(false, blocks.stream().anyMatch(Block::speakerChange));
    assertEquals(
        true,
        blocks
            .get(0)
            .text()
            .startsWith(
                "Travis: When you first get started in podcasting, it's almost guaranteed"));
  }
}

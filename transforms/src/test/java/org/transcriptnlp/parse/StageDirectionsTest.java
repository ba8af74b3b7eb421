package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageDirectionsTest {
  @Test
  void directionsAreTakenOutAndKept() {
    StageDirections.Split s =
        StageDirections.split(
            "You only get one. (Laughter.) And then [crosstalk 01:07:27] we {vocalsound} went"
                + " \\[laughs\\] on.");
    assertEquals("You only get one. And then we went on.", s.speech());
    assertEquals(
        List.of("(Laughter.)", "[crosstalk 01:07:27]", "{vocalsound}", "[laughs]"), s.directions());
  }

  @Test
  void interpreterNotesAndMusic() {
    assertEquals(
        List.of("(As interpreted.)"),
        StageDirections.split("(As interpreted.) Thank you.").directions());
    assertEquals("", StageDirections.split("[MUSIC]").speech());
  }

  @Test
  void aNoteInCapitalsIsADirectionButASpeakerIdInBracketsIsNot() {
    assertEquals(
        List.of("[AUDIENCE MEMBER COUGHS, 00:12]"),
        StageDirections.split("We waited. [AUDIENCE MEMBER COUGHS, 00:12] Then we left.")
            .directions());
    assertEquals(
        List.of("[INAUDIBLE 00:14:02]"),
        StageDirections.split("He said [INAUDIBLE 00:14:02] and went.").directions());
    assertEquals(
        List.of(),
        StageDirections.split("[SPEAKER 1] So where did you grow up, 1950?").directions());
    assertEquals(
        List.of(), StageDirections.split("[SPEAKER_01] Near the docks, 1952.").directions());
  }

  @Test
  void transcribersNotes() {
    StageDirections.Split s =
        StageDirections.split(
            "Brendon Bachelor (ph.) said PB1060. (not clear) The Spressel [sic] Envoy.");
    assertEquals("Brendon Bachelor said PB1060. The Spressel Envoy.", s.speech());
    assertEquals(List.of("(ph.)", "(not clear)", "[sic]"), s.directions());
  }

  @Test
  void speechInBracketsStays() {
    for (String speech :
        List.of(
            "the Akims (Mayors) implemented measures",
            "the Organization (CSTO) was",
            "Republic [of] Korea",
            "a (very) good point",
            "[Plan 9] was next")) {
      StageDirections.Split s = StageDirections.split(speech);
      assertEquals(speech, s.speech());
      assertEquals(List.of(), s.directions());
    }
  }
}

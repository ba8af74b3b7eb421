package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeakerRegistryTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Kassym-Jomart TOKAYEV|Kassym-Jomart Tokayev",
        "MS. PSAKI|Ms. Psaki",
        "MS. JEAN-PIERRE|Ms. Jean-Pierre",
        "THE PRESIDENT|The President",
        "TOKAYEV|Tokayev",
        "DK|DK",
        "MSM|MSM",
        "Q|Q",
        "MR. O'BRIEN|Mr. O'Brien",
        "Rob Pike|Rob Pike",
        "POPE JOHN PAUL II|Pope John Paul II"
      })
  void prettify(String label, String canonical) {
    assertEquals(canonical, SpeakerRegistry.prettify(label));
  }

  @Test
  void aliasesAndCaseVariantsResolveToTheDeclaredName() {
    SpeakerRegistry r = new SpeakerRegistry();
    assertEquals("Kassym-Jomart Tokayev", r.declare("Kassym-Jomart TOKAYEV", "Tokayev"));
    assertEquals("Dikhan Kamzabekuly", r.declare("Dikhan Kamzabekuly", "DK"));
    assertEquals("Kassym-Jomart Tokayev", r.resolve("TOKAYEV"));
    assertEquals("Kassym-Jomart Tokayev", r.resolve("Tokayev"));
    assertEquals("Dikhan Kamzabekuly", r.resolve("dk"));
    assertEquals("Dikhan Kamzabekuly", r.resolve("Kamzabekuly"));
    assertEquals("Kassym-Jomart Tokayev", r.resolve("President Tokayev"));
    assertTrue(r.knows("DK"));
    assertFalse(r.knows("Putin"));
    assertEquals("Putin", r.resolve("PUTIN"));
    assertTrue(r.knows("Putin"));
  }
}

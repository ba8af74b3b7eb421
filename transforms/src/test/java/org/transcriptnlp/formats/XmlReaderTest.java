package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.testing.Fixtures;

/**
 * XML by structure: the real Akoma Ntoso, TEI and TheyWorkForYou samples, and small cases of other
 * schemas.
 */
class XmlReaderTest {
  private static final Path CORPUS = Fixtures.path("transforms/src/test/resources/corpus");

  private static List<Block> file(String name) throws Exception {
    return new XmlReader().read(Files.readString(CORPUS.resolve(name)));
  }

  @Test
  void akomaNtosoSpeechesResolveByAgainstTlcPersonAndFallBackToFrom() throws Exception {
    List<Block> blocks = file("parliament-xml/oireachtas_2026-09-24_pac_akn_excerpt.xml");
    // by="#JohnBrady" is the chair, whose <from> says only "An Cathaoirleach".
    assertEquals("John Brady", blocks.get(0).speaker());
    assertTrue(
        blocks.get(0).text().startsWith("Everyone is welcome to the meeting."),
        blocks.get(0).text());
    // by="#" (a witness): the name in <from>.
    assertEquals(
        new Block(
            "First, we have the financial statements of the Ombudsman for Children for 2025. They"
                + " received a clear audit opinion.",
            "Mr. Seamus McCarthy",
            null,
            null),
        blocks.get(4));
    // No title page, roll call or summary line is read as speech.
    assertTrue(
        blocks.stream()
            .noneMatch(
                b ->
                    b.speaker() == null
                        || b.text().contains("MEMBERS")
                        || b.text().contains("called and examined")));
  }

  @Test
  void teiUtterancesResolveWhoAgainstPersNameAndSplitAtBlankLines() throws Exception {
    List<Block> blocks = file("tei-xml/dartmouth-vietnam-project_2016-08-18_parker_tei-u-who.xml");
    assertEquals("Hannah Markowitz", blocks.get(0).speaker());
    assertTrue(
        blocks
            .get(0)
            .text()
            .startsWith(
                "Okay, so this is Hannah Markowitz. I’m in Rauner [Special Collections] Library"));
    assertEquals(
        "First of all, I just wanted to say thank you for making the trip down to Hanover today. I"
            + " really appreciate getting the opportunity to interview you. So thank you for that.",
        blocks.get(1).text());
    assertEquals("Michael W. Parker", blocks.get(3).speaker());
    assertTrue(blocks.stream().noneMatch(b -> b.text().contains("Publication Information")));
  }

  @Test
  void theyWorkForYouSpeakernamesAndItalicInterjectionsAsStageDirections() throws Exception {
    List<Block> blocks =
        file("parliament-xml/openaustralia_2007-09-20_reps_question-time_twfy-xml_excerpt.xml");
    assertEquals("Kevin Michael Rudd", blocks.get(0).speaker());
    assertEquals(51360.0, blocks.get(0).startSeconds()); // time="14:16:00"
    assertEquals(
        new Block("{Mr Crean interjecting}", "Simon Findlay Crean", 51360.0, null), blocks.get(10));
    assertTrue(blocks.stream().noneMatch(b -> b.text().equals("QUESTIONS WITHOUT NOTICE")));
  }

  @Test
  void teiDramaAndParlaMintWithStageDirections() {
    String tei =
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div><stage>Enter"
            + " HAMLET.</stage><sp who=\"#ham\"><speaker>HAMLET.</speaker><l>To be, or not to"
            + " be,</l><l>that is the question.</l></sp><sp><speaker>OPHELIA</speaker><p>Good my"
            + " lord, <stage>aside</stage>how does your honour?</p></sp></div></body></text></TEI>";
    assertEquals(
        List.of(
            new Block("To be, or not to be,", "HAMLET", null, null),
            new Block("that is the question.", "HAMLET", null, null),
            new Block("Good my lord, {aside} how does your honour?", "OPHELIA", null, null)),
        new XmlReader().read(tei));
    String parlaMint =
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><profileDesc><particDesc><listPerson><person"
            + " xml:id=\"SmithJ\"><persName><forename>Jane</forename>"
            + " <surname>Smith</surname></persName></person>"
            + "</listPerson></particDesc></profileDesc></teiHeader><text><body><div><note"
            + " type=\"time\">10.02</note><u who=\"#SmithJ\" ana=\"#chair\"><seg>Order,"
            + " order.</seg><kinesic type=\"applause\"><desc>Applause</desc></kinesic><seg>The"
            + " sitting is open.</seg></u><u who=\"#BrownK\"><seg>Thank you,"
            + " <incident><desc>laughter</desc></incident> Madam Speaker.</seg></u>"
            + "</div></body></text></TEI>";
    assertEquals(
        List.of(
            new Block("Order, order.", "Jane Smith", null, null),
            new Block("{Applause}", "Jane Smith", null, null),
            new Block("The sitting is open.", "Jane Smith", null, null),
            new Block("Thank you, {laughter} Madam Speaker.", "Brown K", null, null)),
        new XmlReader().read(parlaMint));
  }

  @Test
  void anyOtherSchemaByItsStructureAndHtmlInCdata() {
    String custom =
        "<?xml version=\"1.0\"?><interview><title>Talk</title><turn><name>Ann Lee</name><said>Why"
            + " now?</said></turn><entry speaker=\"Bo\" start=\"00:01:02\"><text>Because it was"
            + " time.</text></entry></interview>";
    assertEquals(
        List.of(
            new Block("Why now?", "Ann Lee", null, null),
            new Block("Because it was time.", "Bo", 62.0, null)),
        new XmlReader()
            .read(custom.replace("<name>", "<speaker>").replace("</name>", "</speaker>")));
    String rss =
        "<rss><channel><item><title>Ep 1</title><description><![CDATA[<p><strong>Host:</strong> Hi"
            + " there.</p><p>Guest: Hello.</p>]]></description></item></channel></rss>";
    assertEquals(
        List.of(Block.text("Ep 1"), Block.text("**Host:** Hi there."), Block.text("Guest: Hello.")),
        new XmlReader().read(rss));
    String plain = "<transcript><line>Q: Who are you?</line><line>A: Nobody.</line></transcript>";
    assertEquals(
        List.of(Block.text("Q: Who are you?"), Block.text("A: Nobody.")),
        new XmlReader().read(plain));
  }

  @Test
  void malformedXmlIsRefusedWithItsLine() {
    FormatException e =
        assertThrows(FormatException.class, () -> new XmlReader().read("<a>\n<b>text</a>"));
    assertEquals("malformed_xml", e.reason());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void externalEntitiesAndDtdsAreNeverLoaded(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<t><u who=\"A\">Hello &x;</u><u who=\"B\">Bye</u></t>";
    List<Block> blocks;
    try {
      blocks = new XmlReader().read(xxe);
    } catch (FormatException refused) {
      blocks = List.of();
    }
    assertFalse(blocks.stream().anyMatch(b -> b.text().contains("SECRET")));
    String dtd =
        "<?xml version=\"1.0\"?><!DOCTYPE t SYSTEM \""
            + dir.resolve("missing.dtd").toUri()
            + "\"><t><p>Q: Hi</p></t>";
    assertEquals(List.of(Block.text("Q: Hi")), new XmlReader().read(dtd));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
            + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c"
            + " \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d"
            + " \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e"
            + " \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f"
            + " \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g"
            + " \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><l><p>&g;</p></l>";
    assertThrows(FormatException.class, () -> new XmlReader().read(laughs));
  }
}

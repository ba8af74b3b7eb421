package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * One job over the bad inputs of the issue that MainTest does not already cover, beside the seed:
 * the job exits 0, the seed is fully processed, and each bad file ends in the tables (read right)
 * or in rejects with the right stage and reason. Turn parsing only (no CoreNLP).
 */
class BadInputsTest {
  @TempDir static Path dir;
  private static Path out;
  private static String summary;

  private static final String QA =
      "Q: How was the summit in Zürich?\nA: It was très productive — we agreed.\n";

  @BeforeAll
  static void runOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    Files.writeString(in.resolve("whitespace.txt"), "  \n\t\n   \r\n");
    byte[] good = "Q: Was it in Zürich?\nA: It was fine — really".getBytes(StandardCharsets.UTF_8);
    Files.write(
        in.resolve("damaged-utf8.txt"),
        Fixtures.concat(good, new byte[] {(byte) 0xFF, (byte) 0xFE, '.', '\n'}));
    Files.write(
        in.resolve("utf16-bom.txt"),
        Fixtures.concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, QA.getBytes(StandardCharsets.UTF_16LE)));
    Files.write(in.resolve("utf16-nobom.txt"), QA.getBytes(StandardCharsets.UTF_16BE));
    Files.write(
        in.resolve("cp1252.txt"),
        "Q: Isn’t it “nice”?\nA: Oui, c’est très bien.\n"
            .getBytes(Charset.forName("windows-1252")));
    Files.writeString(
        in.resolve("no-labels.txt"),
        "A speech with no speaker labels.\n\nAnother paragraph of it.\n");
    Files.writeString(
        in.resolve("one-speaker.txt"),
        "SMITH: I have a statement to make.\n\nSMITH: And another point.\n");
    Files.writeString(in.resolve("labels-no-text.txt"), "Q:\nA:\nQ:\nA:\n");
    Files.writeString(
        in.resolve("no-body.html"),
        "<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>");
    Files.writeString(
        in.resolve("malformed.html"),
        "<html><body><p><b>Q:</b> Is this <i>broken?<p><b>A:</b> Yes it is <div>badly</span>"
            + " nested.</body");
    Files.writeString(
        in.resolve("truncated.json"), "{\"segments\": [{\"speaker\": \"A\", \"text\": \"Hello");
    Files.writeString(in.resolve("unknown.json"), "{\"title\": \"x\", \"items\": [1,2]}");
    Files.writeString(
        in.resolve("broken.vtt"),
        "WEBVTT\n\n"
            + "00:00:05.000 --> 00:00:01.000\n"
            + "<v Host>Why did you go?\n\n"
            + "nonsense --> 99:99\n"
            + "<v Guest>Because.\n\n"
            + "00:00:xx.000 --> 00:00:09.000\n"
            + "<v Guest>And more.\n");
    Files.writeString(
        in.resolve("broken.srt"),
        "1\n"
            + "00:00:01,000 --> \n"
            + "HOST: Why did you go?\n\n"
            + "2\n"
            + "abc --> def\n"
            + "GUEST: Because.\n\n"
            + "x\n"
            + "00:00:03,000 --> 00:00:02,000\n"
            + "HOST: And then?\n\n"
            + "4\n"
            + "00:00:04,000 --> 00:00:05,000\n"
            + "GUEST: Home.\n");
    Files.write(
        in.resolve("control.txt"),
        "Q: Is there a NUL\0 here\u0007?\nA: Yes there is \u001B[31ma bell\u007F\0.\n"
            .getBytes(StandardCharsets.UTF_8));
    // Containers: a real sample of each beside a damaged one.
    Path corpus = Fixtures.path("transforms/src/test/resources/corpus");
    Files.copy(
        corpus.resolve("pdf/pdpilot-study_2023_P1_user-study-interview_maxqda.pdf"),
        in.resolve("interview.pdf"));
    Files.copy(
        corpus.resolve("docx/dartmouth-vietnam-project_2016-03-11_tavela_oral-history.docx"),
        in.resolve("oral-history.docx"));
    Files.copy(
        corpus.resolve("parliament-xml/oireachtas_2026-09-24_pac_akn_excerpt.xml"),
        in.resolve("committee.xml"));
    Files.copy(
        corpus.resolve("csv/coraal_DCB_se1_ag3_f_02_1_sociolinguistic-interview_tsv.txt"),
        in.resolve("interview.tsv"));
    Files.writeString(
        in.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n");
    Files.write(
        in.resolve("corrupt.docx"),
        Fixtures.concat(
            new byte[] {'P', 'K', 3, 4},
            "word/document.xml: not a zip at all".getBytes(StandardCharsets.US_ASCII)));
    Files.writeString(
        in.resolve("malformed.xml"),
        "<?xml version=\"1.0\"?><debate><speech by=\"#a\"><p>Hello</speech>");
    Files.writeString(
        in.resolve("prose.csv"), "Just a sentence, with commas.\nAnother one, here.\n");
    out = dir.resolve("out");
    Cli.Result r = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    summary = r.out();
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void everyFileIsAccountedForWithTheRightReason() throws Exception {
    assertTrue(summary.contains("processed: 24 files = 14 parsed + 10 rejected"), summary);
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("corrupt.docx", "parse", "corrupt_docx"),
              List.of("corrupt.pdf", "parse", "corrupt_pdf"),
              List.of("labels-no-text.txt", "parse", "labels_without_text"),
              List.of("malformed.xml", "parse", "malformed_xml"),
              List.of("no-body.html", "parse", "no_text"),
              List.of("no-labels.txt", "parse", "no_speaker_labels"),
              // not a table: read as text too, where it has no speaker either
              List.of("prose.csv", "parse", "no_speaker_labels"),
              List.of("truncated.json", "parse", "invalid_json"),
              List.of("unknown.json", "parse", "unknown_json_shape"),
              List.of("whitespace.txt", "parse", "no_text")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects ORDER BY"
                  + " 1"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM rejects WHERE detail IS NULL OR detail = ''"));
      assertEquals(
          "4 speaker label(s) such as 'Q:' with no speech after them",
          duck.one("SELECT detail FROM rejects WHERE reason = 'labels_without_text'"));
      assertEquals(
          "the html file has no text once markup and page furniture are removed",
          duck.one("SELECT detail FROM rejects WHERE source_path LIKE '%/no-body.html'"));
      // The seed is whole beside the bad files: 26 answers, 52 turns, as when run alone.
      assertEquals(
          26, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%seed.txt'"));
      assertEquals(52, duck.count("SELECT count(*) FROM turns WHERE source_path LIKE '%seed.txt'"));
    }
  }

  @Test
  void containersGoThroughTheJobWithTheirFormat() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("committee.xml", "xml", "48"),
              List.of("interview.pdf", "pdf", "92"),
              List.of("interview.tsv", "tsv", "71"),
              List.of("oral-history.docx", "docx", "130")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), any_value(source_format),"
                  + " CAST(count(*) AS VARCHAR) FROM turns WHERE regexp_extract(source_path,"
                  + " '[^/]+$') IN ('committee.xml', 'interview.pdf', 'interview.tsv',"
                  + " 'oral-history.docx') GROUP BY 1 ORDER BY 1"));
      assertEquals(
          List.of("Dan", "Participant"),
          duck.column(
              "SELECT DISTINCT speaker FROM turns WHERE source_path LIKE '%/interview.pdf' ORDER BY"
                  + " 1"));
      assertEquals(
          0,
          duck.count(
              "SELECT count(*) FROM turns WHERE source_path LIKE '%/interview.pdf' AND text LIKE"
                  + " '%1/5%'"));
      assertTrue(
          ((String) duck.one("SELECT detail FROM rejects WHERE source_path LIKE '%/malformed.xml'"))
              .contains("line 1"));
    }
  }

  @Test
  void encodingsAreReadRight() throws Exception {
    try (Duck duck = new Duck(out)) {
      String answer = "SELECT answer_text FROM answers WHERE source_path LIKE '%/";
      assertEquals(
          List.of("It was très productive — we agreed."), duck.column(answer + "utf16-bom.txt'"));
      assertEquals(
          List.of("It was très productive — we agreed."), duck.column(answer + "utf16-nobom.txt'"));
      assertEquals(List.of("Oui, c’est très bien."), duck.column(answer + "cp1252.txt'"));
      // Damaged UTF-8 keeps its good characters; the two bad bytes become U+FFFD.
      assertEquals(
          List.of("It was fine — really\uFFFD\uFFFD."), duck.column(answer + "damaged-utf8.txt'"));
      assertEquals(List.of("Yes there is a bell."), duck.column(answer + "control.txt'"));
      assertEquals(
          List.of("Is there a NUL here?"),
          duck.column("SELECT question_text FROM answers WHERE source_path LIKE '%/control.txt'"));
    }
    assertTrue(
        summary.contains("2 invalid byte sequences read as U+FFFD, 5 control characters removed"),
        summary);
  }

  @Test
  void oneSpeakerAndMalformedHtmlAreProcessed() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(List.of("Smith", "I have a statement to make.\n\nAnd another point.")),
          duck.rows("SELECT speaker, text FROM turns WHERE source_path LIKE '%/one-speaker.txt'"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%/one-speaker.txt'"));
      assertEquals(
          List.of(List.of("Is this broken?", "Yes it is badly nested.")),
          duck.rows(
              "SELECT question_text, answer_text FROM answers WHERE source_path LIKE"
                  + " '%/malformed.html'"));
    }
  }

  @Test
  void captionCuesWithBrokenTimingsKeepTheirSpeech() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("Host", "Why did you go?", "null"),
              List.of("Guest", "Because. And more.", "null")),
          duck.rows(
              "SELECT speaker, text, coalesce(CAST(start_seconds AS VARCHAR), 'null') FROM turns"
                  + " WHERE source_path LIKE '%/broken.vtt' ORDER BY turn_index"));
      assertEquals(
          List.of(
              List.of("Host", "Why did you go?", "null"),
              List.of("Guest", "Because.", "null"),
              List.of("Host", "And then?", "null"),
              List.of("Guest", "Home.", "4.0")),
          duck.rows(
              "SELECT speaker, text, coalesce(CAST(start_seconds AS VARCHAR), 'null') FROM turns"
                  + " WHERE source_path LIKE '%/broken.srt' ORDER BY turn_index"));
    }
  }
}

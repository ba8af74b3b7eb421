package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.formats.JsonReader;
import org.transcriptnlp.formats.TranscriptFiles;
import org.transcriptnlp.formats.TranscriptReader;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.testing.Fixtures;

/**
 * The transcripts of the first corpus (copied, with its MANIFEST of sources and licences, into
 * transforms/src/test/resources/corpus/) are read in their format, with exactly the speakers a
 * reader names, and no stage direction, front matter or markup inside any turn.
 *
 * <p>Turn and answer counts, roles and spot checks of every corpus file are in its gold file
 * (transforms/src/test/resources/gold/), scored by {@code GoldTest}.
 */
class CorpusTest {
  private static final Path CORPUS = Fixtures.path("transforms/src/test/resources/corpus");

  /** Stage directions and front matter that must never be inside a turn's text. */
  private static final Pattern NEVER_IN_SPEECH =
      Pattern.compile(
          "\\((?:Laughter|Laughs|Applause|As"
              + " interpreted|inaudible)\\.?\\)|\\[(?:MUSIC|Laughter\\.?|laughs|crosstalk[^\\]]*)\\]|\\{(?:vocalsound|disfmarker|gap)\\}|^---$|^title:"
              + " |<[a-z]+[ >]|&amp;|&#\\d+;",
          Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  record Expect(String file, Format format, Set<String> speakers) {}

  static Stream<Arguments> files() {
    return Stream.of(
        // press briefings, TV interview, joint press conference
        // Consecutive "Q" labels are different reporters ("Go ahead, Jeff"): 194 turns, 189 if
        // merged
        e("press-briefing/wh_2022-05-04_psaki_briefing.md", Format.TEXT, "Ms. Psaki", "Q"),
        e(
            "press-briefing/wh_2024-10-22_gaggle_air-force-one.md",
            Format.TEXT,
            "Ms. Jean-Pierre",
            "Q"),
        e(
            "press-briefing/wh_2024-11-26_background_call_moderator_SAO.md",
            Format.TEXT,
            "Moderator",
            "Senior Administration Official",
            "Q"),
        e(
            "press-conference/wh_2022-05-21_biden-yoon_joint_presser_interpreted.md",
            Format.TEXT,
            "President Biden",
            "President Yoon",
            "Moderator",
            "Q"),
        e(
            "tv-interview/wh_2025-02-16_fox-sports_trump_short.md",
            Format.TEXT,
            "Q",
            "The President"),
        // hearings (HTML). Liman/North: 42 answers by North; the parser also counts the 4
        // objections
        // of North's counsel, Mr. Sullivan, as answers.
        e(
            "hearing/irancontra_1987_liman-north_excerpt.html",
            Format.HTML,
            "Mr. Liman",
            "Mr. North",
            "Mr. Sullivan"),
        e(
            "hearing/irancontra_1987_opening-statements_label-own-paragraph.html",
            Format.HTML,
            "Chairman Inouye",
            "Chairman Hamilton"),
        // Congressional Record floor debates: no questions, so no answers
        e(
            "congressional-record/crec_2005-07-20_senate_S8536_ndaa-debate.htm",
            Format.HTML,
            "The Presiding Officer",
            "Mr. Warner",
            "Mr. Levin",
            "Mr. Sessions",
            "Mr. Salazar"),
        e(
            "congressional-record/crec_2005-07-20_house_H6190.htm",
            Format.HTML,
            "Mrs. Northup",
            "Mr. Chocola",
            "Ms. Hart",
            "The Speaker pro tempore",
            "Mr. Miller of Florida",
            "Mr. Gingrey",
            "Mr. Hensarling"),
        // line-numbered stenographic transcripts (the roundtable's and floor session's answer
        // counts
        // depend on who counts as chair: 36 and 21 with both senators asking)
        e("line-numbered/nysenate_2011-05-18_aging-roundtable_line-numbered.txt", Format.TEXT),
        e("line-numbered/nysenate_1998-03-10_floor-session_line-numbered.txt", Format.TEXT),
        // JSON utterance lists (Welsh committee: the chair, Lynne Neagle AM, calls the next member
        // and
        // is "other": 51 answers; 58 if her turns counted as questions)
        e(
            "json-speakers/qmsum_education_13_welsh-senedd-committee.json",
            Format.JSON,
            "Barry Hughes",
            "Suzy Davies AM",
            "Sian Gwenllian AM",
            "Lynne Neagle AM",
            "Dawn Bowden AM",
            "Vikki Howells AM",
            "Janet Finch-Saunders AM"),
        e(
            "json-speakers/qmsum_ES2004a_ami-product-meeting.json",
            Format.JSON,
            "Marketing",
            "Project Manager",
            "Industrial Designer",
            "User Interface"),
        e("json-speakers/podcastns_example_segments.json", Format.JSON, "Darth Vader", "Luke"),
        // found by structure: Rev.ai monologues of elements (one speaker)
        e("json-speakers/revai_sdk-sample_monologues-elements.json", Format.JSON, "Speaker 0"),
        // captions
        e("captions/podcastns_example_voice-tags.vtt", Format.VTT, "Sarah", "Gillian"),
        e(
            "captions/podcastns_example_label-in-first-cue.srt",
            Format.SRT,
            "Travis",
            "Gilon",
            "Sarah"),
        e(
            "podcast-html/podcastns_example_cite-time-p.html",
            Format.HTML,
            "Travis",
            "Gilon",
            "Sarah"),
        // podcasts (two hosts and two guests answering: 30 strict to 49 with both guests answering)
        e(
            "podcast-markdown/changelog_gotime-100_rob-pike.md",
            Format.TEXT,
            "Rob Pike",
            "Robert Griesemer",
            "Carmen Andoh",
            "Jon Calhoun"),
        e(
            "podcast-markdown/btctranscripts_bitcoin-explained-87_label-line-with-timestamp.md",
            Format.TEXT,
            "Aaron van Wirdum",
            "Sjors Provoost"),
        // Kevin Scott and Christina Warren host; the parser takes the co-host for a respondent (52)
        e(
            "podcast-text/ms-behind-the-tech_ep53_tchaikovsky_UPPERCASE.txt",
            Format.TEXT,
            "Kevin Scott",
            "Adrian Tchaikovsky",
            "Christina Warren"),
        // talks with anonymous Q/A and unlabelled presenter prose
        e("qa-session/btctranscripts_austin-bitdevs_Q-dash-A-dash.md", Format.TEXT, "Q", "A"),
        e("qa-session/btctranscripts_breaking-bitcoin-2019_talk-plus-QA.md", Format.TEXT, "Q", "A"),
        // oral history (Word HTML in windows-1252)
        e(
            "oral-history/unix-oral-history_1989_thompson_MSM_cp1252.htm",
            Format.HTML,
            "MSM",
            "Thompson"),
        // air-to-ground log: radio codes, no interview roles
        e(
            "air-to-ground/spacelog_mr4_liberty-bell-7_ATG.txt",
            Format.TEXT,
            "Bell 7",
            "CC",
            "Huntclub 1",
            "ATS",
            "UKN",
            "Cardfile 9",
            "Cardfile 23",
            "Stony",
            "Chase 1",
            "Huntclub 3"));
  }

  private static Arguments e(String file, Format format, String... speakers) {
    return Arguments.of(new Expect(file, format, Set.of(speakers)));
  }

  private static TranscriptReader.Read read(String file) throws Exception {
    Path p = CORPUS.resolve(file);
    byte[] bytes = Files.readAllBytes(p);
    if (Format.container(p.getFileName().toString(), bytes) != null) {
      return TranscriptFiles.read(p.getFileName().toString(), bytes, null).asRead(); // docx, pdf
    }
    String text = TextDecoder.decode(Files.readAllBytes(p)).text();
    return new TranscriptReader(null).read(p.getFileName().toString(), text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesIntoTheTurnsAReaderFinds(Expect x) throws Exception {
    TranscriptReader.Read read = read(x.file());
    assertEquals(x.format(), read.format());
    ParsedTranscript parsed = new TurnParser().parseBlocks(read.blocks());
    if (!x.speakers().isEmpty()) {
      assertEquals(
          x.speakers(), parsed.turns().stream().map(Turn::speaker).collect(Collectors.toSet()));
    }
    for (Turn t : parsed.turns()) {
      assertFalse(t.text().isBlank(), x.file() + " turn " + t.index() + " is empty");
      assertFalse(
          NEVER_IN_SPEECH.matcher(t.text()).find(),
          x.file() + " turn " + t.index() + " holds non-speech: " + t.text());
    }
  }

  @Test
  void theTwoFilesWithoutSpeechGiveNoTurns() throws Exception {
    JsonReader.UnknownShapeException meta =
        assertThrows(
            JsonReader.UnknownShapeException.class,
            () -> read("air-to-ground/spacelog_mr4_meta_speaker-definitions.json"));
    assertEquals("unknown_json_shape", meta.reason());
    ParsedTranscript media =
        new TurnParser()
            .parseBlocks(
                read("air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt").blocks());
    assertTrue(media.turns().isEmpty());
  }

  @Test
  void everyCorpusFileHasGoldAndAManifestRow() throws Exception {
    Path gold = Fixtures.path("transforms/src/test/resources/gold");
    Set<String> manifest =
        Files.readAllLines(CORPUS.resolve("MANIFEST.tsv")).stream()
            .skip(1)
            .map(l -> l.split("\t", -1)[0])
            .collect(Collectors.toSet());
    try (Stream<Path> all = Files.walk(CORPUS)) {
      Set<String> present =
          all.filter(Files::isRegularFile)
              .map(p -> CORPUS.relativize(p).toString())
              .filter(p -> !p.equals("MANIFEST.tsv"))
              .collect(Collectors.toSet());
      assertEquals(present, manifest, "every corpus file has exactly one MANIFEST row");
      Set<String> withoutGold =
          present.stream()
              .filter(f -> !Files.exists(gold.resolve(f + ".gold.json")))
              .collect(Collectors.toSet());
      assertEquals(
          Set.of(
              "air-to-ground/spacelog_mr4_meta_speaker-definitions.json",
              "air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt",
              "json-speakers/revai_sdk-sample_monologues-elements.json"),
          withoutGold,
          "only the two files without speech and the one-speaker format sample have no gold");
    }
  }

  @Test
  void timesAndStageDirectionsAreKeptOnTurns() throws Exception {
    ParsedTranscript vtt =
        new TurnParser().parseBlocks(read("captions/podcastns_example_voice-tags.vtt").blocks());
    assertEquals(0.0, vtt.turns().get(0).startSeconds());
    assertTrue(vtt.turns().get(1).endSeconds() > vtt.turns().get(1).startSeconds());
    ParsedTranscript btc =
        new TurnParser()
            .parseBlocks(
                read("podcast-markdown/btctranscripts_bitcoin-explained-87_label-line-with-timestamp.md")
                    .blocks());
    assertEquals(19.0, btc.turns().get(0).startSeconds());
    ParsedTranscript presser =
        new TurnParser()
            .parseBlocks(
                read("press-conference/wh_2022-05-21_biden-yoon_joint_presser_interpreted.md")
                    .blocks());
    assertTrue(
        presser.turns().stream().anyMatch(t -> t.stageDirections().contains("(As interpreted.)")));
    ParsedTranscript ami =
        new TurnParser()
            .parseBlocks(read("json-speakers/qmsum_ES2004a_ami-product-meeting.json").blocks());
    assertTrue(ami.turns().stream().anyMatch(t -> t.stageDirections().contains("{vocalsound}")));
  }
}

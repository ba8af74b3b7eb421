package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.io.LocalEntry;
import org.transcriptnlp.pipeline.options.UsageException;

/**
 * Matching local globs ({@link InputFiles}): what each entry is, what is looked into, the warnings.
 */
class InputFilesTest {
  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void folders() throws IOException {
    in = Files.createDirectories(dir.resolve("in"));
  }

  /** Creates a FIFO with mkfifo; the test is skipped where there is none (not Linux or macOS). */
  static void mkfifo(Path fifo) throws Exception {
    boolean made;
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      made = p.waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    assumeTrue(made && Files.exists(fifo) && !Files.isRegularFile(fifo), "mkfifo is not available");
  }

  private static InputFiles.Match match(String... patterns) {
    return InputFiles.of("--input", List.of(patterns));
  }

  /**
   * Each matched entry as "name kind", the name relative to {@code base} (a folder ends in '/').
   */
  private static List<String> entries(Path base, InputFiles.Match m) {
    List<String> out = new ArrayList<>();
    for (MatchResult.Metadata md : m.files()) {
      String path = md.resourceId().toString();
      assertTrue(path.startsWith(base + "/"), path);
      out.add(path.substring(base.toString().length() + 1) + " " + LocalEntry.of(Path.of(path)));
    }
    return out;
  }

  @Test
  void aOneLevelGlobKeepsEveryEntryItNamesAsWhatItIs() throws Exception {
    Files.writeString(in.resolve("a.txt"), "Q: x?\nA: y.\n");
    Files.createSymbolicLink(in.resolve("link-to-a.txt"), in.resolve("a.txt"));
    Files.writeString(
        Files.createDirectories(in.resolve("sub")).resolve("deeper.txt"), "not matched by in/*");
    mkfifo(in.resolve("fifo"));
    Files.createSymbolicLink(in.resolve("share"), dir.resolve("unmounted/share"));
    Files.createSymbolicLink(in.resolve("loop-a"), in.resolve("loop-b"));
    Files.createSymbolicLink(in.resolve("loop-b"), in.resolve("loop-a"));
    InputFiles.Match m = match(in + "/*");
    assertEquals(
        List.of(
            "a.txt REGULAR_FILE",
            "fifo NOT_A_REGULAR_FILE",
            "link-to-a.txt REGULAR_FILE",
            "loop-a LINK_LOOP",
            "loop-b LINK_LOOP",
            "share DANGLING_LINK",
            "sub/ DIRECTORY"),
        entries(in, m));
    assertEquals(List.of(), m.warnings());
    // Only regular files have a size; a folder is a directory resource (as Beam gives a named
    // folder).
    assertEquals(12, m.files().get(0).sizeBytes());
    assertTrue(m.files().get(6).resourceId().isDirectory());
    assertEquals(0, m.files().get(1).sizeBytes());
    for (String reason :
        List.of("is_directory", "not_a_regular_file", "dangling_link", "link_loop")) {
      assertTrue(
          List.of(LocalEntry.values()).stream().anyMatch(k -> reason.equals(k.reason())), reason);
    }
  }

  @Test
  void aLinkToTheRootIsAFolderOfTheOneLevelGlobAndIsNotWalked() throws Exception {
    Files.writeString(in.resolve("a.txt"), "x");
    Files.createSymbolicLink(in.resolve("root"), Path.of("/"));
    InputFiles.Match m = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> match(in + "/*"));
    assertEquals(List.of("a.txt REGULAR_FILE", "root/ DIRECTORY"), entries(in, m));
    // '**' does not follow it either, and says so.
    InputFiles.Match all =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> match(in + "/**"));
    assertEquals(List.of("a.txt REGULAR_FILE"), entries(in, all));
    assertEquals(
        List.of(
            "--input pattern '"
                + in
                + "/**': not following "
                + in.resolve("root")
                + ", a link to the folder '/': '**' does not follow links to folders (give that"
                + " folder a pattern of its own)"),
        all.warnings());
  }

  @Test
  void aGlobSegmentLooksOneLevelDownThroughALinkToAFolder() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    Files.writeString(share.resolve("y.txt"), "y");
    Files.writeString(Files.createDirectories(share.resolve("deeper")).resolve("z.txt"), "z");
    Files.writeString(Files.createDirectories(in.resolve("local")).resolve("x.txt"), "x");
    Files.createSymbolicLink(in.resolve("linked"), share);
    assertEquals(
        List.of("linked/y.txt REGULAR_FILE", "local/x.txt REGULAR_FILE"),
        entries(in, match(in + "/*/*.txt")));
    assertEquals(
        List.of(
            "linked/deeper/ DIRECTORY", "linked/y.txt REGULAR_FILE", "local/x.txt REGULAR_FILE"),
        entries(in, match(in + "/*/*")));
  }

  @Test
  void doubleStarWalksTheFoldersBelowButNoLinkToAFolder() throws Exception {
    Files.writeString(in.resolve("top.txt"), "t");
    Files.writeString(Files.createDirectories(in.resolve("a/b")).resolve("deep.txt"), "d");
    mkfifo(in.resolve("a/pipe.txt"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("o.txt"), "o");
    Files.createSymbolicLink(in.resolve("a/out"), outside);
    Files.createSymbolicLink(in.resolve("a/up"), in); // a cycle, were it followed
    Files.createSymbolicLink(in.resolve("o-link.txt"), outside.resolve("o.txt"));
    InputFiles.Match m =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> match(in + "/**.txt"));
    assertEquals(
        List.of(
            "a/b/deep.txt REGULAR_FILE",
            "a/pipe.txt NOT_A_REGULAR_FILE",
            "o-link.txt REGULAR_FILE",
            "top.txt REGULAR_FILE"),
        entries(in, m));
    assertEquals(
        List.of(
            "--input pattern '"
                + in
                + "/**.txt': not following "
                + in.resolve("a/out")
                + ", a link to the folder '"
                + outside
                + "': '**' does not follow links to folders (give that folder a pattern of its"
                + " own)",
            "--input pattern '"
                + in
                + "/**.txt': not following "
                + in.resolve("a/up")
                + ", a link to the folder '"
                + in
                + "': '**' does not follow links to folders (give that folder a pattern of its"
                + " own)"),
        m.warnings());
    // As Java's glob (and Beam's match) has it, '**/' needs a folder between: top.txt is not
    // matched.
    assertEquals(
        List.of("a/b/deep.txt REGULAR_FILE", "a/pipe.txt NOT_A_REGULAR_FILE"),
        entries(in, match(in + "/**/*.txt")));
  }

  @Test
  void doubleStarLooksAtMostMaxDepthFoldersDown() throws Exception {
    Path deepest = in;
    for (int i = 0; i < InputFiles.MAX_DEPTH; i++) {
      deepest = deepest.resolve("d");
      Files.writeString(Files.createDirectories(deepest).resolve("f" + (i + 1) + ".txt"), "x");
    }
    InputFiles.Match m = match(in + "/**");
    // f1 is one folder down, in in/d; f63 is in the 63rd folder, the last one looked into.
    assertEquals(InputFiles.MAX_DEPTH - 1, m.files().size());
    assertTrue(m.files().stream().anyMatch(md -> md.resourceId().toString().endsWith("/f63.txt")));
    assertTrue(m.files().stream().noneMatch(md -> md.resourceId().toString().endsWith("/f64.txt")));
    assertEquals(
        List.of(
            "--input pattern '"
                + in
                + "/**': not looking inside "
                + deepest
                + ": it is "
                + InputFiles.MAX_DEPTH
                + " folders below "
                + in
                + ", where '**' starts"),
        m.warnings());
  }

  @Test
  void ordinaryFilesMatchAsBeamMatchesThem() throws Exception {
    for (String name :
        List.of(
            "a.txt",
            "b.txt",
            "c.json",
            ".hidden.txt",
            "x/a.txt",
            "x/y/b.txt",
            "x/y/z/c.txt",
            "sp ace/d.txt",
            "w[1]/e.txt",
            "w[1]/f.srt")) {
      Files.createDirectories(in.resolve(name).getParent());
      Files.writeString(in.resolve(name), name);
    }
    for (String glob :
        List.of(
            "*",
            "*.txt",
            "?.txt",
            "[ab].txt",
            "{a}.txt",
            "*/*.txt",
            "*/*/*",
            "**",
            "**.txt",
            "**/*.txt",
            "x/**",
            "x/**/c.txt",
            "*/y/*.txt",
            "sp ace/*",
            "w*/*.txt",
            "a.txt",
            "x/../b.txt")) {
      String pattern = in + "/" + glob;
      List<String> beam = new ArrayList<>();
      for (MatchResult.Metadata md :
          OutputFolder.matched(FileSystems.match(pattern, EmptyMatchTreatment.ALLOW))) {
        beam.add(md.resourceId().toString() + " " + md.sizeBytes());
      }
      beam.sort(null);
      List<String> ours = new ArrayList<>();
      for (MatchResult.Metadata md : match(pattern).files()) {
        if (!md.resourceId().isDirectory()) { // Beam leaves out the folders a glob names
          ours.add(md.resourceId().toString() + " " + md.sizeBytes());
        }
      }
      assertFalse(beam.isEmpty(), glob);
      assertEquals(beam, ours, glob);
    }
    // The same through file: and a relative pattern resolved against the working folder.
    assertEquals(match(in + "/*.txt").files(), match("file:" + in + "/*.txt").files());
    Path relative = Path.of("").toAbsolutePath().relativize(in);
    assertFalse(relative.isAbsolute());
    assertEquals(match(in + "/*.txt").files(), match(relative + "/*.txt").files());
  }

  @Test
  void aNameGivenAsItIsIsThatEntryAndAFifoIsNeverOpened() throws Exception {
    mkfifo(in.resolve("fifo"));
    Files.createDirectories(in.resolve("folder"));
    InputFiles.Match m =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> match(in.resolve("fifo").toString(), in.resolve("folder").toString()));
    assertEquals(List.of("fifo NOT_A_REGULAR_FILE", "folder/ DIRECTORY"), entries(in, m));
  }

  @Test
  void aPatternThatMatchesNothingBesideOthersIsAWarning() throws Exception {
    Files.writeString(in.resolve("a.txt"), "x");
    Files.createDirectories(dir.resolve("b"));
    InputFiles.Match m = match(in + "/*.txt", dir + "/b/*.nope", dir + "/c/*");
    assertEquals(List.of("a.txt REGULAR_FILE"), entries(in, m));
    assertEquals(
        List.of(
            "--input pattern '" + dir + "/b/*.nope' matched no file",
            "--input pattern '" + dir + "/c/*' matched no file"),
        m.warnings());
    // When none matches, the run's usage error says so: no warning besides it.
    assertEquals(List.of(), match(dir + "/b/*.nope").warnings());
    assertEquals(List.of(), match(dir + "/b/*.nope").files());
    // A pattern that matches only what another one matched did match.
    assertEquals(List.of(), match(in + "/*.txt", in + "/a.*").warnings());
  }

  @Test
  void aFolderThatCannotBeLookedIntoIsAWarning() throws Exception {
    Files.writeString(in.resolve("a.txt"), "x");
    Files.createSymbolicLink(in.resolve("share"), dir.resolve("unmounted/share"));
    Files.createSymbolicLink(in.resolve("loop"), in.resolve("loop"));
    InputFiles.Match m = match(in + "/*.txt", in + "/share/*", in + "/loop/*.txt");
    assertEquals(List.of("a.txt REGULAR_FILE"), entries(in, m));
    assertEquals(
        List.of(
            "--input pattern '"
                + in
                + "/share/*': cannot look inside "
                + in.resolve("share")
                + ": a symbolic link to '"
                + dir.resolve("unmounted/share")
                + "', which does not exist (a share that is not mounted?)",
            "--input pattern '"
                + in
                + "/loop/*.txt': cannot list "
                + in.resolve("loop")
                + " (a symbolic link that leads back to itself ('"
                + in.resolve("loop")
                + "'): too many levels of symbolic links): what it holds is not matched",
            "--input pattern '" + in + "/share/*' matched no file",
            "--input pattern '" + in + "/loop/*.txt' matched no file"),
        m.warnings());
  }

  @Test
  void aLinkThatLeadsNowhereInAFolderSegmentIsAWarning() throws Exception {
    Files.createDirectories(in.resolve("2024"));
    Files.writeString(in.resolve("2024/a.txt"), "x");
    Files.createSymbolicLink(in.resolve("share"), dir.resolve("unmounted/share"));
    InputFiles.Match m = match(in + "/*/*.txt");
    assertEquals(List.of("2024/a.txt REGULAR_FILE"), entries(in, m));
    assertEquals(
        List.of(
            "--input pattern '"
                + in
                + "/*/*.txt': cannot look inside "
                + in.resolve("share")
                + ": a symbolic link to '"
                + dir.resolve("unmounted/share")
                + "', which does not exist (a share that is not mounted?)"),
        m.warnings());
  }

  @Test
  void anInvalidGlobIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> match(in + "/[a.txt"));
    assertEquals(
        "cannot match --input pattern '" + in + "/[a.txt': not a valid glob (Missing '])",
        e.getMessage());
    assertThrows(UsageException.class, () -> match(dir + "/no-such-folder/*/[a.txt"));
  }

  @Test
  void remotePatternsAreBeams() {
    assertTrue(InputFiles.isLocal("in/*"));
    assertTrue(InputFiles.isLocal("/data/in/*.txt"));
    assertTrue(InputFiles.isLocal("file:///data/in/*"));
    assertTrue(InputFiles.isLocal("FILE:/data/in/*"));
    assertFalse(InputFiles.isLocal("hdfs://namenode:8020/archive/*"));
    assertFalse(InputFiles.isLocal("gs://bucket/*"));
  }
}

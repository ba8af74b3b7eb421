package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.options.UsageException;

/**
 * The output folder's checks, the staging folder, and the listing that takes a local folder's name
 * literally.
 */
class OutputFolderTest {
  private static final RunId RUN = RunId.parse("20261201-120000-000-0a0b0c");
  private static final RunId OTHER = RunId.parse("20261201-130000-000-0d0e0f");

  @TempDir Path dir;

  @Test
  void aFileIsRefusedAsOutput() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), "not a folder");
    UsageException e =
        assertThrows(UsageException.class, () -> OutputFolder.check(file.toString()));
    assertEquals("--output=" + file + " is a file, not a folder", e.getMessage());
    assertEquals("not a folder", Files.readString(file), "the file is left as it was");
  }

  @Test
  void aPathWithANulCharacterIsRefused() {
    UsageException e = assertThrows(UsageException.class, () -> OutputFolder.check("out\0x"));
    assertTrue(e.getMessage().startsWith("--output=out\0x is not a valid path: "), e.getMessage());
  }

  @Test
  void aMissingFolderIsCreatedAndLeftEmpty() throws IOException {
    Path out = dir.resolve("a/b/out");
    OutputFolder.check(out.toString());
    assertTrue(Files.isDirectory(out));
    try (Stream<Path> in = Files.list(out)) {
      assertEquals(List.of(), in.toList(), "the write probe is deleted");
    }
  }

  @Test
  void anOutputOnAnotherFileSystemIsNotCheckedHere() {
    assertFalse(OutputFolder.isLocal("hdfs://nn:8020/tables"));
    assertTrue(OutputFolder.isLocal("/tables"));
    assertTrue(OutputFolder.isLocal("tables"));
    OutputFolder.check("hdfs://nn:8020/tables"); // no local folder made, no error
    assertFalse(Files.exists(Path.of("hdfs:")));
  }

  @Test
  void aRunStagesUnderStagingRunId() {
    assertEquals("/o/_staging/run-" + RUN.value(), OutputFolder.staging("/o", RUN));
    assertEquals("/o/_staging/run-" + RUN.value(), OutputFolder.staging("/o/", RUN));
    assertEquals(
        "hdfs://nn:8020/t/_staging/run-" + RUN.value(),
        OutputFolder.staging("hdfs://nn:8020/t", RUN));
  }

  @Test
  void filesListsALocalFolderWhoseNameHasGlobCharactersLiterally() throws IOException {
    for (String name : new String[] {"out [1]", "out*", "out?{a,b}"}) {
      Path out = Files.createDirectories(dir.resolve(name));
      Path deep = Files.createDirectories(out.resolve("a/b/c/d/e"));
      Files.writeString(out.resolve("top.parquet"), "12345");
      Files.writeString(deep.resolve("deep.parquet"), "1");
      // Siblings a glob would match.
      Files.createDirectories(dir.resolve(name + "x"));
      Files.writeString(dir.resolve(name + "x").resolve("sibling.parquet"), "x");
      List<MatchResult.Metadata> found = OutputFolder.files(out.toString());
      assertEquals(
          List.of(
              out.resolve("a/b/c/d/e/deep.parquet").toString(),
              out.resolve("top.parquet").toString()),
          found.stream().map(md -> md.resourceId().toString()).sorted().toList(),
          name);
      assertEquals(
          6L, found.stream().mapToLong(MatchResult.Metadata::sizeBytes).sum(), "with their sizes");
    }
    assertEquals(List.of(), OutputFolder.files(dir.resolve("missing").toString()));
  }

  @Test
  void removeStagingRemovesOnlyThatRunsFilesAndFolders() throws IOException {
    String out = dir.resolve("out [1]").toString();
    String mine = OutputFolder.staging(out, RUN);
    String other = OutputFolder.staging(out, OTHER);
    for (String s : new String[] {mine, other}) {
      Path turns = Files.createDirectories(Path.of(s, "turns"));
      Files.writeString(turns.resolve("b-0.avro"), "rows");
      Files.createDirectories(Path.of(s, "answers", "empty"));
    }
    OutputFolder.removeStaging(mine);
    assertFalse(Files.exists(Path.of(mine)), "its files and folders go");
    assertTrue(Files.exists(Path.of(other, "turns", "b-0.avro")), "another run's stay");
    assertTrue(Files.isDirectory(Path.of(other, "answers", "empty")));
  }

  @Test
  void deleteEmptyFolderKeepsTheFoldersThatHoldFiles() throws IOException {
    Path root = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(root.resolve("run-a/empty/empty"));
    Files.createDirectories(root.resolve("run-b"));
    Files.writeString(root.resolve("run-b/f.parquet"), "x");
    OutputFolder.deleteEmptyFolder(root.toString());
    assertFalse(Files.exists(root.resolve("run-a")));
    assertTrue(Files.exists(root.resolve("run-b/f.parquet")));
    OutputFolder.deleteEmptyFolder(dir.resolve("missing").toString()); // nothing to do
  }

  @Test
  void aListingThatFailsIsAnErrorNotAnEmptyList() throws IOException {
    assertEquals(
        List.of(),
        OutputFolder.matched(MatchResult.create(MatchResult.Status.NOT_FOUND, List.of())));
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OutputFolder.matched(
                    MatchResult.create(
                        MatchResult.Status.ERROR, new IOException("permission denied"))));
    assertEquals("permission denied", e.getMessage());
  }
}

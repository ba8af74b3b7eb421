package org.transcriptnlp.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.tables.FilePlan.Output;
import org.transcriptnlp.tables.FilePlan.Staged;

class FilePlanTest {
  @Test
  void nothingStagedStillGivesOneEmptyFile() {
    assertEquals(
        List.of(new Output("part-00000-of-00001.parquet", List.of())),
        FilePlan.plan(List.of(), 100));
  }

  @Test
  void stagedFilesFillOutputFilesUpToTheTargetInNameOrder() {
    List<Staged> staged =
        List.of(
            new Staged("d", 40),
            new Staged("a", 40),
            new Staged("c", 40),
            new Staged("b", 40),
            new Staged("e", 30));
    assertEquals(
        List.of(
            new Output("part-00000-of-00003.parquet", List.of("a", "b")),
            new Output("part-00001-of-00003.parquet", List.of("c", "d")),
            new Output("part-00002-of-00003.parquet", List.of("e"))),
        FilePlan.plan(staged, 100));
  }

  @Test
  void aStagedFileLargerThanTheTargetIsAFileOfItsOwn() {
    assertEquals(
        List.of(
            new Output("part-00000-of-00003.parquet", List.of("a")),
            new Output("part-00001-of-00003.parquet", List.of("b")),
            new Output("part-00002-of-00003.parquet", List.of("c"))),
        FilePlan.plan(List.of(new Staged("a", 5), new Staged("b", 500), new Staged("c", 5)), 100));
  }

  @Test
  void everyStagedFileIsInExactlyOneOutputFileAndNoFileExceedsTheTargetUnlessAlone() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Staged> staged = new ArrayList<>();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        staged.add(new Staged(String.format("s%03d", i), 1 + random.nextInt(300)));
      }
      long target = 1 + random.nextInt(1000);
      List<Output> plan = FilePlan.plan(staged, target);
      List<String> all = plan.stream().flatMap(o -> o.staged().stream()).toList();
      assertEquals(staged.stream().map(Staged::path).sorted().toList(), all);
      Map<String, Long> size =
          staged.stream().collect(Collectors.toMap(Staged::path, Staged::bytes));
      for (int i = 0; i < plan.size(); i++) {
        Output o = plan.get(i);
        assertEquals(FilePlan.name(i, plan.size()), o.name());
        long bytes = o.staged().stream().mapToLong(size::get).sum();
        assertTrue(
            bytes <= target || o.staged().size() == 1, "over the target only when alone: " + o);
        if (i + 1 < plan.size()) {
          assertTrue(
              bytes + size.get(plan.get(i + 1).staged().get(0)) > target,
              "filled before the next file: " + o);
        }
      }
    }
  }

  @Test
  void theTargetMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> FilePlan.plan(List.of(), 0));
  }
}

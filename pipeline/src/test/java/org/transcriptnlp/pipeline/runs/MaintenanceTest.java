package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.tables.Table;

/** Which unreferenced files {@link Maintenance#deleteOrphans} deletes, and which it keeps. */
class MaintenanceTest {
  @TempDir Path out;

  private Path file(String relative, Duration age) throws Exception {
    Path p = out.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "not a table file");
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
    return p;
  }

  @Test
  void aRunsFilesGoOnlyOnceItsNewestFileIsOld() throws Exception {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      String dead = "20260101-000000-000-aaaaaa";
      String going = "20260101-000000-000-bbbbbb";
      // A dead run: every file two hours old, in two tables and in staging.
      Path deadAnswers =
          file(
              "transcripts/answers/data/run-" + dead + "/part-00000-of-00001-" + dead + ".parquet",
              Duration.ofHours(2));
      Path deadTurns =
          file(
              "transcripts/turns/data/run-" + dead + "/part-00000-of-00001-" + dead + ".parquet",
              Duration.ofHours(2));
      Path deadStaged = file("_staging/run-" + dead + "/turns/x.parquet", Duration.ofHours(2));
      // A long run still going: its turns were staged two hours ago, its answers a minute ago.
      Path goingOld = file("_staging/run-" + going + "/turns/y.parquet", Duration.ofHours(2));
      Path goingDataOld =
          file(
              "transcripts/turns/data/run-" + going + "/part-00000-of-00001-" + going + ".parquet",
              Duration.ofHours(2));
      Path goingNew = file("_staging/run-" + going + "/answers/z.parquet", Duration.ofMinutes(1));
      // A stray old file in no run's folder, and a young one.
      Path stray = file("transcripts/entities/data/stray.parquet", Duration.ofHours(2));
      Path strayNew = file("transcripts/entities/data/stray-new.parquet", Duration.ofMinutes(1));

      int deleted = Maintenance.deleteOrphans(w, 60);

      assertEquals(4, deleted);
      for (Path gone : new Path[] {deadAnswers, deadTurns, deadStaged, stray}) {
        assertFalse(Files.exists(gone), gone + " is an orphan");
      }
      for (Path kept : new Path[] {goingOld, goingDataOld, goingNew, strayNew}) {
        assertTrue(Files.exists(kept), kept + " may still be used");
      }
      assertFalse(
          Files.exists(out.resolve("_staging/run-" + dead)),
          "the dead run's emptied folders go too");
      assertTrue(
          Files.exists(out.resolve("transcripts/" + Table.ANSWERS.folder() + "/metadata")),
          "metadata is never touched");
    }
  }
}

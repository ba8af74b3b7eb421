package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.pipeline.report.Svg;
import org.transcriptnlp.testing.Fixtures;

/**
 * The report as a browser shows it: the packaged jar runs the samples (both annotators), the report
 * is written, and headless Chromium takes screenshots of the index and of the seed interview's
 * page, which must show the charts in their colors. Needs the Debian package {@code chromium}
 * (/usr/bin/chromium). The screenshots are kept in {@code pipeline/target/report-screenshots/}.
 */
class ReportBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;

  @TempDir Path dir;

  @Test
  void theIndexAndTheSeedInterviewRenderWithTheirChartsInHeadlessChromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          CHROMIUM
              + " is missing: install the Debian package chromium (apt-get install -y chromium) to"
              + " run this test");
    }
    // The Direct Runner's tables of the samples (both annotators; made once per test JVM), then the
    // jar again with --report: nothing is new, so it only writes the report of the current rows.
    Path out = DirectReference.tables();
    Path report = dir.resolve("report");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            ClusterScript.jar().toString(),
            ClusterScript.samples(),
            "--output=" + out,
            "--report=" + report);
    Process job =
        new ProcessBuilder(command)
            .directory(Fixtures.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("job.log").toFile())
            .start();
    if (!job.waitFor(5, TimeUnit.MINUTES)) {
      job.destroyForcibly();
      throw new AssertionError(
          "the job did not finish: " + Files.readString(dir.resolve("job.log")));
    }
    String log = Files.readString(dir.resolve("job.log"));
    assertEquals(0, job.exitValue(), log);
    assertTrue(
        log.contains("0 new + 0 changed + 3 unchanged")
            && log.contains("report: " + report.resolve("index.html")),
        log);
    List<String> pages;
    try (var files = Files.list(report)) {
      pages = files.map(Path::toString).filter(f -> f.endsWith(".html")).sorted().toList();
    }
    assertEquals(4, pages.size(), pages.toString());
    String seedPage = Ids.transcriptId(Files.readAllBytes(Fixtures.seed())) + ".html";
    assertTrue(Files.readString(report.resolve(seedPage)).contains("interview-tokayev-2024.txt"));

    Path shots = Files.createDirectories(Fixtures.path("pipeline/target/report-screenshots"));
    BufferedImage index = screenshot(report.resolve("index.html"), shots.resolve("index.png"));
    BufferedImage seed =
        screenshot(report.resolve(seedPage), shots.resolve("interview-tokayev-2024.png"));

    for (BufferedImage image : List.of(index, seed)) {
      assertEquals(WIDTH, image.getWidth());
      assertEquals(HEIGHT, image.getHeight());
    }
    assertNotBlank(index, "index");
    assertNotBlank(seed, "interview page");
    // The legend's class colors (both pages), the arc's bands and points, the sparklines' bands.
    for (int i = 0; i < Svg.COLORS.size(); i++) {
      assertTrue(
          pixels(index, Svg.COLORS.get(i)) >= 40,
          "index: " + Svg.LABELS.get(i) + " " + Svg.COLORS.get(i));
      assertTrue(
          pixels(seed, Svg.COLORS.get(i)) >= 40,
          "interview: " + Svg.LABELS.get(i) + " " + Svg.COLORS.get(i));
    }
    assertTrue(pixels(seed, "#eef7ef") > 50_000, "the arc's positive band");
    assertTrue(pixels(seed, "#fbefed") > 50_000, "the arc's negative band");
    // 26 neutral or positive points (6 px radius) besides the legend's dots.
    assertTrue(
        pixels(seed, Svg.COLORS.get(2)) + pixels(seed, Svg.COLORS.get(3)) > 26 * 40,
        "the arc's points");
    assertTrue(pixels(seed, "#4f7cac") > 5_000, "the entity bars");
    assertTrue(pixels(seed, "#3b6ea5") > 2_000, "the respondent's talk bar");
    assertTrue(
        pixels(index, "#f3f9f4") > 3 * 1_500 && pixels(index, "#fcf3f1") > 3 * 1_500,
        "three sparklines");
  }

  /**
   * Takes a screenshot of a local page with headless Chromium, in a fresh profile, with no network
   * use.
   */
  private BufferedImage screenshot(Path page, Path png) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Path shot = dir.resolve(png.getFileName());
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--screenshot=" + shot,
                page.toUri().toString()));
    Path log = dir.resolve(png.getFileName() + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("chromium did not finish: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    assertTrue(
        Files.isRegularFile(shot) && Files.size(shot) > 0,
        "no screenshot (exit "
            + p.exitValue()
            + "): "
            + Files.readString(log, StandardCharsets.UTF_8));
    Files.copy(shot, png, StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(new File(shot.toString()));
    assertTrue(image != null, shot + " is not a PNG");
    return image;
  }

  private static void assertNotBlank(BufferedImage image, String what) {
    Set<Integer> colors = new HashSet<>();
    int background = image.getRGB(WIDTH - 5, HEIGHT - 5);
    long other = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colors.add(rgb);
        if (rgb != (background & 0xffffff)) {
          other++;
        }
      }
    }
    assertTrue(colors.size() > 300, what + ": only " + colors.size() + " distinct colors");
    assertTrue(
        other > (long) WIDTH * HEIGHT / 20,
        what + ": only " + other + " pixels differ from the background");
  }

  /**
   * Pixels within a small distance of a color (anti-aliasing and color management shift edges a
   * little).
   */
  private static long pixels(BufferedImage image, String hex) {
    int c = Integer.parseInt(hex.substring(1), 16);
    int r = c >> 16 & 0xff;
    int g = c >> 8 & 0xff;
    int b = c & 0xff;
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xff) - r) <= 3
            && Math.abs((p >> 8 & 0xff) - g) <= 3
            && Math.abs((p & 0xff) - b) <= 3) {
          n++;
        }
      }
    }
    return n;
  }
}

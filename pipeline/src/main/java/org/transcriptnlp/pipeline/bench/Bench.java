package org.transcriptnlp.pipeline.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.pipeline.JobConfig;
import org.transcriptnlp.pipeline.TranscriptNlp;
import org.transcriptnlp.pipeline.TranscriptNlpOptions;

/**
 * The annotation benchmark: the pipeline end to end against plain CoreNLP over the same answer
 * texts, with the same annotators and settings, on the same cores, at several archive sizes.
 *
 * <pre>
 * java -cp pipeline/target/transcript-nlp.jar org.transcriptnlp.pipeline.bench.Bench \
 *     --transcripts=10,100 --threads=2 [--work=DIR] [--heap=6g] [pipeline options...]
 * </pre>
 *
 * For each size N it writes a synthetic archive of N transcripts ({@link Archive}), extracts their
 * answers with the job's own reader, parser and pairing, then runs, each in its own JVM so that
 * start-up, model loading and peak RSS count: (1) plain CoreNLP, the two StanfordCoreNLP
 * pipelines a user would write, each over every answer with {@code annotate(docs, threads)}; (2)
 * the job's jar on the archive. It prints one table: wall seconds, tokens/s, answers/s, peak RSS
 * and the ratio baseline/pipeline (above 1: the pipeline is faster).
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("baseline")) {
      Baseline.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    List<Integer> sizes = List.of(10);
    int threads = Runtime.getRuntime().availableProcessors();
    Path work = null;
    String heap = "6g";
    List<String> jobOptions = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--transcripts=")) {
        sizes = java.util.Arrays.stream(a.substring(14).split(",")).map(Integer::parseInt).toList();
      } else if (a.startsWith("--threads=")) {
        threads = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("--work=")) {
        work = Path.of(a.substring(7));
      } else if (a.startsWith("--heap=")) {
        heap = a.substring(7);
      } else {
        jobOptions.add(a);
      }
    }
    if (work == null) {
      work = Files.createTempDirectory("transcript-nlp-bench");
    }
    Path root = Path.of("").toAbsolutePath();
    List<Path> sources = Archive.sources(root);
    PrintStream out = System.out;
    out.printf("bench: %d source transcripts, %d threads, heap %s, work %s%n", sources.size(), threads, heap, work);
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      Path archive = work.resolve("archive-" + n);
      Archive.write(sources, n, archive);
      Path answers = work.resolve("answers-" + n);
      int answerCount = Archive.extractAnswers(archive, answers, AnnotatorSettings.DEFAULT_MAX_ANSWER_CHARS);
      List<String> jobArgs = new ArrayList<>(List.of("--input=" + archive + "/*",
          "--output=" + work.resolve("out-" + n), "--targetParallelism=" + threads));
      jobArgs.addAll(jobOptions);
      List<String> baselineCmd = new ArrayList<>(javaCommand(heap));
      baselineCmd.addAll(List.of(Bench.class.getName(), "baseline", answers.toString(), Integer.toString(threads)));
      baselineCmd.addAll(jobArgs);
      Measured base = Measured.run(baselineCmd, work.resolve("baseline-" + n + ".log"));
      long tokens = Measured.tokens(work.resolve("baseline-" + n + ".log"));
      List<String> jobCmd = new ArrayList<>(javaCommand(heap));
      jobCmd.add(TranscriptNlp.class.getName());
      jobCmd.addAll(jobArgs);
      Measured job = Measured.run(jobCmd, work.resolve("pipeline-" + n + ".log"));
      rows.add(new Row(n, answerCount, tokens, base, job));
    }
    printTable(out, rows);
  }

  private static List<String> javaCommand(String heap) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"));
  }

  record Row(int transcripts, int answers, long tokens, Measured baseline, Measured pipeline) {}

  static void printTable(PrintStream out, List<Row> rows) {
    out.println();
    out.printf(Locale.ROOT, "%-12s %-16s %8s %9s %10s %10s %12s %11s %18s%n",
        "transcripts", "run", "answers", "wall (s)", "tokens/s", "answers/s", "peak RSS MB", "cores busy",
        "baseline/pipeline");
    for (Row r : rows) {
      for (Measured m : List.of(r.baseline(), r.pipeline())) {
        boolean isBase = m == r.baseline();
        out.printf(Locale.ROOT, "%-12d %-16s %8d %9.1f %10.0f %10.2f %12d %11.2f %18s%n",
            r.transcripts(), isBase ? "plain CoreNLP" : "pipeline (jar)", r.answers(), m.seconds(),
            r.tokens() / m.seconds(), r.answers() / m.seconds(), m.peakRssKb() / 1024, m.coresBusy(),
            isBase ? "" : String.format(Locale.ROOT, "%.2f", r.baseline().seconds() / m.seconds()));
      }
    }
    out.println("Wall time is JVM start to exit (model loading included); tokens are CoreNLP's, counted by the baseline.");
  }

  /**
   * A child JVM's wall time, peak resident set (VmHWM) and CPU seconds (user + system), polled from
   * /proc while it runs (the last poll is at most 200 ms before it ends).
   */
  record Measured(double seconds, long peakRssKb, double cpuSeconds, int exit) {
    /** Cores busy on average: CPU seconds over wall seconds. */
    double coresBusy() {
      return cpuSeconds / seconds;
    }

    static Measured run(List<String> command, Path log) throws IOException, InterruptedException {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long peak = 0;
      double cpu = 0;
      Path status = Path.of("/proc", Long.toString(p.pid()), "status");
      Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
      while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, hwm(status));
        cpu = Math.max(cpu, cpuSeconds(stat));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command.get(command.size() - 1) + " failed (exit " + p.exitValue() + "), see " + log);
      }
      return new Measured(seconds, peak, cpu, p.exitValue());
    }

    /** utime + stime of /proc/PID/stat, in seconds (clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(Path stat) {
      try {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    private static long hwm(Path status) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process has just ended
      }
      return 0;
    }

    static long tokens(Path log) throws IOException {
      Matcher m = Pattern.compile("baseline tokens: (\\d+)").matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
  }

  /**
   * Plain CoreNLP as a user would run it over the answers: the annotators and properties the job
   * would use with the same arguments ({@link JobConfig#from}), each pipeline over every answer text
   * with {@code threads}.
   */
  static final class Baseline {
    /** Arguments: the answers folder, the thread count, then the job's own arguments. */
    public static void main(String[] args) throws IOException {
      Path answers = Path.of(args[0]);
      int threads = Integer.parseInt(args[1]);
      PipelineOptionsFactory.register(TranscriptNlpOptions.class);
      TranscriptNlpOptions options =
          PipelineOptionsFactory.fromArgs(java.util.Arrays.copyOfRange(args, 2, args.length)).as(TranscriptNlpOptions.class);
      AnnotatorSettings s = JobConfig.from(options).annotators();
      List<String> texts = new ArrayList<>();
      try (var files = Files.list(answers)) {
        for (Path f : files.sorted().toList()) {
          texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      AtomicLong tokens = new AtomicLong();
      if (s.sentiment()) {
        tokens.set(annotate(new StanfordCoreNLP(s.plainSentimentProperties()), texts, threads));
      }
      if (s.entities()) {
        long t = annotate(new StanfordCoreNLP(s.entityProperties()), texts, threads);
        if (!s.sentiment()) {
          tokens.set(t);
        }
      }
      System.out.println("baseline answers: " + texts.size());
      System.out.println("baseline tokens: " + tokens.get());
    }

    private static long annotate(StanfordCoreNLP pipeline, List<String> texts, int threads) {
      List<Annotation> docs = texts.stream().map(Annotation::new).toList();
      AtomicLong tokens = new AtomicLong();
      pipeline.annotate(docs, threads, doc -> {
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
          tokens.addAndGet(sentence.get(CoreAnnotations.TokensAnnotation.class).size());
        }
      });
      return tokens.get();
    }
  }
}

package org.transcriptnlp.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.CoreNlpHolder;
import org.transcriptnlp.pipeline.TranscriptNlp;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.options.UsageException;

/**
 * The annotation benchmark: the pipeline end to end against plain CoreNLP over the same answer
 * texts, with the same annotators and settings, on the same cores, at several archive sizes.
 *
 * <pre>
 * java -jar bench/target/transcript-nlp-bench.jar \
 *     --transcripts=10,100 --threads=2 [--work=DIR] [--heap=6g] [--cli] [pipeline options...]
 * </pre>
 *
 * For each size N it writes a synthetic archive of N transcripts ({@link Archive}), extracts their
 * answers with the job's own reader, parser and pairing, then runs, each in its own JVM so that
 * start-up, model loading and peak RSS count: (1) plain CoreNLP, the two StanfordCoreNLP pipelines
 * a user would write, each over every answer with {@code annotate(docs, threads)}; (2) the job's
 * jar on the archive; with {@code --cli} also (3) the CoreNLP command line as a user runs it, with
 * its default settings and every annotator the tables could need ({@link #CLI_ANNOTATORS}, {@code
 * -threads}), over the same answer files. It prints one table: wall seconds, tokens/s, answers/s,
 * peak RSS, cores busy and each run's time over the pipeline's (above 1: the pipeline is faster),
 * then how the command line's sentiment labels agree with the job's, sentence by sentence.
 */
public final class Bench {
  /** The annotators a user of the command line would list to get sentiment and entities. */
  static final String CLI_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,parse,sentiment";

  private Bench() {}

  public static void main(String[] args) throws Exception {
    try {
      bench(args);
    } catch (BenchFailure e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
    }
  }

  /** A run of the bench ended with a non-zero exit; its log says why. */
  static final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
      super(message);
    }
  }

  private static void bench(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("baseline")) {
      Baseline.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("models")) {
      ModelsOnly.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    List<Integer> sizes = List.of(10);
    int threads = Runtime.getRuntime().availableProcessors();
    Path work = null;
    String heap = "6g";
    boolean cli = false;
    List<String> jobOptions = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--transcripts=")) {
        sizes = Arrays.stream(a.substring(14).split(",")).map(Integer::parseInt).toList();
      } else if (a.startsWith("--threads=")) {
        threads = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("--work=")) {
        work = Path.of(a.substring(7));
      } else if (a.startsWith("--heap=")) {
        heap = a.substring(7);
      } else if (a.equals("--cli")) {
        cli = true;
      } else {
        jobOptions.add(a);
      }
    }
    List<String> check = new ArrayList<>(List.of("--input=none", "--output=none"));
    check.addAll(jobOptions);
    try {
      settings(check.toArray(String[]::new));
    } catch (UsageException | IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(2);
    }
    if (work == null) {
      work = Files.createTempDirectory("transcript-nlp-bench");
    }
    Path root = Path.of("").toAbsolutePath();
    List<Path> sources = Archive.sources(root);
    PrintStream out = System.out;
    out.printf(
        "bench: %d source transcripts, %d threads, heap %s, work %s%n",
        sources.size(), threads, heap, work);
    List<String> modelsCmd = new ArrayList<>(javaCommand(heap));
    modelsCmd.addAll(
        List.of(
            Bench.class.getName(),
            "models",
            "--input=" + work.resolve("none"),
            "--output=" + work.resolve("models-out")));
    modelsCmd.addAll(jobOptions);
    Files.createDirectories(work);
    Path modelsLog = work.resolve("models.log");
    Measured models = Measured.run("the models-only run", modelsCmd, modelsLog);
    List<Row> rows = new ArrayList<>();
    List<String> agreements = new ArrayList<>();
    for (int n : sizes) {
      Path archive = work.resolve("archive-" + n);
      Archive.write(sources, n, archive);
      Path answers = work.resolve("answers-" + n);
      int answerCount =
          Archive.extractAnswers(archive, answers, AnnotatorSettings.DEFAULT_MAX_ANSWER_CHARS);
      List<String> jobArgs =
          new ArrayList<>(
              List.of(
                  "--input=" + archive + "/*",
                  "--output=" + work.resolve("out-" + n),
                  "--targetParallelism=" + threads,
                  // A rerun over the same --work folder annotates everything again (incremental
                  // runs would skip it all).
                  "--mode=full"));
      jobArgs.addAll(jobOptions);
      List<String> baselineCmd = new ArrayList<>(javaCommand(heap));
      Path labels = work.resolve("labels-" + n + ".tsv");
      baselineCmd.addAll(
          List.of(
              Bench.class.getName(),
              "baseline",
              answers.toString(),
              Integer.toString(threads),
              labels.toString()));
      baselineCmd.addAll(jobArgs);
      Files.deleteIfExists(labels);
      Measured base =
          Measured.run("plain CoreNLP", baselineCmd, work.resolve("baseline-" + n + ".log"));
      long tokens = Measured.tokens(work.resolve("baseline-" + n + ".log"));
      List<String> jobCmd = new ArrayList<>(javaCommand(heap));
      jobCmd.add(TranscriptNlp.class.getName());
      jobCmd.addAll(jobArgs);
      Measured job = Measured.run("the pipeline", jobCmd, work.resolve("pipeline-" + n + ".log"));
      Measured commandLine = null;
      if (cli) {
        Path json = work.resolve("cli-" + n);
        commandLine = runCli(heap, threads, answers, json, work.resolve("cli-" + n + ".log"));
        if (Files.exists(labels)) {
          agreements.add(
              n
                  + " transcripts, CoreNLP command line vs this job's settings: "
                  + Labels.compare(Labels.readCoreNlpJson(json), Labels.read(labels)).describe());
        }
      }
      rows.add(new Row(n, answerCount, tokens, base, job, commandLine));
    }
    printTable(out, rows);
    out.printf(
        Locale.ROOT,
        "One loaded model set (the job's CoreNLP pipelines and nothing else): peak RSS %d MB, %s%n",
        models.peakRssKb() / 1024,
        Files.readAllLines(modelsLog).stream()
            .filter(l -> l.startsWith("models loaded"))
            .findFirst()
            .orElse("(see " + modelsLog + ")"));
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "%d transcripts: pipeline peak RSS %+d MB over one loaded model set%n",
          r.transcripts(),
          (r.pipeline().peakRssKb() - models.peakRssKb()) / 1024);
    }
    agreements.forEach(out::println);
  }

  /**
   * The CoreNLP command line with its defaults over every answer file, JSON out (for the labels).
   * It needs no model file beyond the job's slim models jar (fine-grained NER's gazetteers and
   * SUTime's rules are in it).
   */
  private static Measured runCli(String heap, int threads, Path answers, Path json, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(json);
    Path list = json.resolve("files.txt");
    try (var files = Files.list(answers)) {
      Files.write(list, files.sorted().map(Path::toString).toList(), StandardCharsets.UTF_8);
    }
    List<String> cmd = new ArrayList<>(javaCommand(heap));
    cmd.addAll(
        List.of(
            "edu.stanford.nlp.pipeline.StanfordCoreNLP",
            "-annotators",
            CLI_ANNOTATORS,
            "-threads",
            Integer.toString(threads),
            "-filelist",
            list.toString(),
            "-outputFormat",
            "json",
            "-outputDirectory",
            json.toString()));
    return Measured.run("the CoreNLP command line", cmd, log);
  }

  private static List<String> javaCommand(String heap) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"));
  }

  /** One archive size: the baseline, the pipeline and, with --cli, the command line (else null). */
  record Row(
      int transcripts,
      int answers,
      long tokens,
      Measured baseline,
      Measured pipeline,
      Measured cli) {}

  static void printTable(PrintStream out, List<Row> rows) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%-12s %-22s %8s %9s %10s %10s %12s %11s %17s%n",
        "transcripts",
        "run",
        "answers",
        "wall (s)",
        "tokens/s",
        "answers/s",
        "peak RSS MB",
        "cores busy",
        "time / pipeline's");
    for (Row r : rows) {
      printRun(out, r, "plain CoreNLP", r.baseline());
      printRun(out, r, "pipeline (jar)", r.pipeline());
      if (r.cli() != null) {
        printRun(out, r, "CoreNLP CLI, defaults", r.cli());
      }
    }
    out.println(
        "Wall time is JVM start to exit (model loading included); tokens are CoreNLP's, counted by"
            + " the baseline.");
  }

  private static void printRun(PrintStream out, Row r, String name, Measured m) {
    out.printf(
        Locale.ROOT,
        "%-12d %-22s %8d %9.1f %10.0f %10.2f %12d %11.2f %17s%n",
        r.transcripts(),
        name,
        r.answers(),
        m.seconds(),
        r.tokens() / m.seconds(),
        r.answers() / m.seconds(),
        m.peakRssKb() / 1024,
        m.coresBusy(),
        m == r.pipeline()
            ? ""
            : String.format(Locale.ROOT, "%.2f", m.seconds() / r.pipeline().seconds()));
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

    static Measured run(String name, List<String> command, Path log)
        throws IOException, InterruptedException {
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
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
        throw new BenchFailure(name + " failed (exit " + p.exitValue() + "), see " + log);
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
      Matcher m =
          Pattern.compile("baseline tokens: (\\d+)")
              .matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
  }

  /**
   * One loaded model set: the CoreNLP pipelines the job would load with these arguments, through
   * the job's own holder, then nothing else. Its peak RSS is the yardstick for the job's.
   */
  static final class ModelsOnly {
    /** Arguments: the job's own arguments. */
    public static void main(String[] args) throws Exception {
      AnnotatorSettings s = settings(args);
      long start = System.nanoTime();
      for (CompletableFuture<Void> load : CoreNlpHolder.preload(s)) {
        load.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "models loaded in %.1f s; heap used after GC %d MB%n",
          seconds,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }

  /** The annotator settings the job would use with these arguments (a usage problem throws). */
  static AnnotatorSettings settings(String[] jobArgs) {
    PipelineOptionsFactory.register(TranscriptNlpOptions.class);
    return JobConfig.from(PipelineOptionsFactory.fromArgs(jobArgs).as(TranscriptNlpOptions.class))
        .annotators();
  }

  /**
   * Plain CoreNLP as a user would run it over the answers: the annotators and properties the job
   * would use with the same arguments ({@link JobConfig#from}), each pipeline over every answer
   * text with {@code threads}.
   */
  static final class Baseline {
    /**
     * Arguments: the answers folder, the thread count, the file for the sentiment labels, then the
     * job's own arguments. Prints the answer and token counts and CoreNLP's time per annotator.
     */
    public static void main(String[] args) throws IOException {
      Path answers = Path.of(args[0]);
      int threads = Integer.parseInt(args[1]);
      Path labelsFile = Path.of(args[2]);
      AnnotatorSettings s = settings(Arrays.copyOfRange(args, 3, args.length));
      Map<String, String> texts = new TreeMap<>();
      try (var files = Files.list(answers)) {
        for (Path f : files.toList()) {
          texts.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      AtomicLong tokens = new AtomicLong();
      if (s.sentiment()) {
        Map<Labels.Sentence, Integer> labels = new ConcurrentSkipListMap<>();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(s.plainSentimentProperties());
        tokens.set(
            annotate(
                pipeline,
                texts,
                threads,
                (name, sentence) -> {
                  Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                  // The job gives sentences over --parseMaxLength no label (CoreNLP labels its flat
                  // tree).
                  int length = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
                  if (tree != null && length <= s.parseMaxLength()) {
                    labels.put(
                        new Labels.Sentence(
                            name,
                            sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                            sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)),
                        RNNCoreAnnotations.getPredictedClass(tree));
                  }
                }));
        Labels.write(labelsFile, labels);
        System.out.println("baseline sentiment pipeline " + pipeline.timingInformation());
      }
      if (s.entities()) {
        StanfordCoreNLP pipeline = new StanfordCoreNLP(s.entityProperties());
        Map<String, LongAdder> types = new ConcurrentSkipListMap<>();
        long t =
            annotate(
                pipeline,
                texts,
                threads,
                (name, sentence) -> {
                  List<CoreMap> mentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
                  if (mentions != null) {
                    for (CoreMap m : mentions) {
                      types
                          .computeIfAbsent(
                              m.get(CoreAnnotations.NamedEntityTagAnnotation.class),
                              k -> new LongAdder())
                          .increment();
                    }
                  }
                });
        if (!s.sentiment()) {
          tokens.set(t);
        }
        System.out.println("baseline entity pipeline " + pipeline.timingInformation());
        System.out.println("baseline entity types: " + types);
      }
      System.out.println("baseline answers: " + texts.size());
      System.out.println("baseline tokens: " + tokens.get());
    }

    /** Annotates every text (by name); calls {@code each} per sentence, from any thread. */
    private static long annotate(
        StanfordCoreNLP pipeline,
        Map<String, String> texts,
        int threads,
        BiConsumer<String, CoreMap> each) {
      Map<Annotation, String> docs = new IdentityHashMap<>();
      List<Annotation> inOrder = new ArrayList<>();
      texts.forEach(
          (name, text) -> {
            Annotation doc = new Annotation(text);
            docs.put(doc, name);
            inOrder.add(doc);
          });
      AtomicLong tokens = new AtomicLong();
      pipeline.annotate(
          inOrder,
          threads,
          doc -> {
            for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
              tokens.addAndGet(sentence.get(CoreAnnotations.TokensAnnotation.class).size());
              each.accept(docs.get(doc), sentence);
            }
          });
      return tokens.get();
    }
  }
}

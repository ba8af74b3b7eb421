package org.transcriptnlp.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link StanfordCoreNLP} per distinct configuration per JVM.
 *
 * <p>Models take seconds to load and gigabytes of heap, so every DoFn instance and every thread of
 * a worker shares the pipeline built here; it is never built per element or per bundle. A {@code
 * StanfordCoreNLP} is safe to call from several threads at once ({@code annotate} keeps its state
 * in the {@code Annotation} it is given). The first caller for a configuration loads it; the others
 * wait for that load instead of starting their own.
 */
public final class CoreNlpHolder {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpHolder.class);
  private static final Map<String, Lazy> PIPELINES = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private CoreNlpHolder() {}

  /** The shared pipeline for these properties, loaded on first use. */
  public static StanfordCoreNLP get(Properties properties) {
    String key = new TreeMap<>(properties).toString();
    return PIPELINES.computeIfAbsent(key, k -> new Lazy(copy(properties))).get();
  }

  /**
   * Starts loading the pipelines of these settings' annotators in the background, one daemon thread
   * per annotator, so that loading overlaps whatever the caller does next (the Direct Runner
   * reading and parsing the transcripts). The annotators' own {@link #get} then waits for that load
   * instead of starting another. A failed load is remembered: the annotate step's {@link #get}
   * throws it, and the job reports it there.
   *
   * @return one future per annotator, done when its models are loaded
   */
  public static List<CompletableFuture<Void>> preload(AnnotatorSettings settings) {
    List<CompletableFuture<Void>> loads = new ArrayList<>();
    if (settings.sentiment()) {
      loads.add(preload("sentiment", () -> new SentimentAnnotator(settings)));
    }
    if (settings.entities()) {
      loads.add(preload("entities", () -> new EntityAnnotator(settings)));
    }
    return loads;
  }

  private static CompletableFuture<Void> preload(String name, Runnable load) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                load.run();
                done.complete(null);
              } catch (RuntimeException | Error e) {
                LOG.warn(
                    "preloading the " + name + " models failed; the annotate step will report it",
                    e);
                done.completeExceptionally(e);
              }
            },
            "corenlp-preload-" + name);
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** How many pipelines this JVM has built (one per distinct configuration, whatever the load). */
  public static int loadCount() {
    return LOADS.get();
  }

  private static Properties copy(Properties properties) {
    Properties p = new Properties();
    p.putAll(properties);
    return p;
  }

  private static final class Lazy {
    private final Properties properties;
    private volatile StanfordCoreNLP pipeline;
    private RuntimeException failure;

    Lazy(Properties properties) {
      this.properties = properties;
    }

    StanfordCoreNLP get() {
      StanfordCoreNLP p = pipeline;
      if (p == null) {
        synchronized (this) {
          p = pipeline;
          if (p == null) {
            String annotators = properties.getProperty("annotators");
            if (failure != null) {
              throw failure;
            }
            LOG.info("loading CoreNLP models for {}", annotators);
            long start = System.nanoTime();
            try {
              p = new StanfordCoreNLP(properties);
            } catch (RuntimeException | Error e) {
              // Loading again would cost the same time and fail the same way (or, after a failed
              // static initialiser, with a less telling NoClassDefFoundError).
              failure =
                  new IllegalStateException(
                      "loading CoreNLP models for " + annotators + " failed: " + e, e);
              throw failure;
            }
            LOADS.incrementAndGet();
            LOG.info(
                "CoreNLP {} loaded in {} s",
                annotators,
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
            pipeline = p;
          }
        }
      }
      return p;
    }
  }
}

package org.transcriptnlp.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link StanfordCoreNLP} per distinct configuration per JVM.
 *
 * <p>Models take seconds to load and gigabytes of heap, so every DoFn instance and every thread
 * of a worker shares the pipeline built here; it is never built per element or per bundle. A
 * {@code StanfordCoreNLP} is safe to call from several threads at once ({@code annotate} keeps its
 * state in the {@code Annotation} it is given). The first caller for a configuration loads it; the
 * others wait for that load instead of starting their own.
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
   * Starts loading the pipelines of these settings' annotators in the background, one daemon
   * thread per annotator, so that loading overlaps whatever the caller does next (the Direct Runner
   * reading and parsing the transcripts). The annotators' own {@link #get} then waits for that load
   * instead of starting another. A failed preload is logged; the annotator's own load then fails
   * again, in its step, with the same error, and that is where the job reports it.
   */
  public static void preload(AnnotatorSettings settings) {
    if (settings.sentiment()) {
      preload("sentiment", () -> new SentimentAnnotator(settings));
    }
    if (settings.entities()) {
      preload("entities", () -> new EntityAnnotator(settings));
    }
  }

  private static void preload(String name, Runnable load) {
    Thread t = new Thread(() -> {
      try {
        load.run();
      } catch (RuntimeException | Error e) {
        LOG.warn("preloading the {} models failed (the annotate step will load them itself): {}", name, e.toString());
      }
    }, "corenlp-preload-" + name);
    t.setDaemon(true);
    t.start();
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
            LOG.info("loading CoreNLP models for {}", annotators);
            long start = System.nanoTime();
            p = new StanfordCoreNLP(properties);
            LOADS.incrementAndGet();
            LOG.info("CoreNLP {} loaded in {} s", annotators, String.format("%.1f", (System.nanoTime() - start) / 1e9));
            pipeline = p;
          }
        }
      }
      return p;
    }
  }
}

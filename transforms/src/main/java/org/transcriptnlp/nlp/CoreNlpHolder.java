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

package org.transcriptnlp.testing;

import java.util.function.Consumer;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs a Beam {@link TestPipeline} from a JUnit 5 test. TestPipeline is a JUnit 4 rule; applying it
 * by hand keeps its checks: the pipeline must be run, no transform may be left dangling, and every
 * PAssert must have succeeded.
 */
public final class BeamTest {
  private BeamTest() {}

  /**
   * Builds the pipeline with {@code body} (which must call {@code run()}) under the rule's checks.
   */
  public static void run(Class<?> testClass, String name, Consumer<TestPipeline> body) {
    TestPipeline pipeline = TestPipeline.create();
    Statement statement =
        new Statement() {
          @Override
          public void evaluate() {
            body.accept(pipeline);
          }
        };
    try {
      pipeline.apply(statement, Description.createTestDescription(testClass, name)).evaluate();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }
}

package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which listeners hear what one answer shows. */
class ChangeReporterTest {
  private final HeardChanges listener = new HeardChanges();
  private final List<String> heard = listener.events;
  private final ChangeReporter reporter = new ChangeReporter();

  ChangeReporterTest() {
    reporter.add(listener);
  }

  @Test
  void aNewStatusComesBeforeItsLogsButTheEndComesAfterTheLastOnes() {
    reporter.observe(prediction("starting", ""));
    reporter.observe(prediction("processing", bar(25)));
    reporter.observe(prediction("succeeded", bar(25) + "\n" + bar(50)));

    assertThat(heard).containsExactly(
        "status STARTING",
        "status PROCESSING",
        "logs " + bar(25).strip(),
        "progress 0.5",
        "logs " + bar(50).strip(),
        "progress 1.0",
        "status SUCCEEDED");
  }

  @Test
  void aPredictionFirstSeenEndedIsHeardEndingLast() {
    reporter.observe(prediction("failed", bar(50)));

    assertThat(heard).containsExactly(
        "logs " + bar(50).strip(), "progress 1.0", "status FAILED");
  }

  @Test
  void anEndWithNothingNewIsTheOnlyCallback() {
    reporter.observe(prediction("processing", bar(50)));
    heard.clear();
    reporter.observe(prediction("canceled", bar(50)));

    assertThat(heard).containsExactly("status CANCELED");
  }

  private static String bar(int n) {
    return String.format("%3d%%|%-10s| %d/50 [00:01<00:01, 20.00it/s]", n * 2, "#".repeat(n / 5),
        n);
  }

  private static Prediction prediction(String status, String logs) {
    return Prediction.parse("{\"id\":\"p1\",\"status\":\"" + status + "\",\"logs\":"
        + ExactJson.write(logs) + "}");
  }
}

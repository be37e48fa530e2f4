package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assertions over a stub's journal that hold for every test, whatever it injected. */
final class JournalChecks {
  /** Journal times and scheduler timers may disagree by a little; never by more. */
  static final Duration CLOCK_SLACK = Duration.ofMillis(3);

  private JournalChecks() {}

  /**
   * No prediction was created twice: among the creates that could have made a prediction (every
   * create the stub handled, that is all but those answered with an injected error status), no body
   * appears twice, and the stub made exactly as many predictions as there were such creates.
   * Bodies are unique per run (distinct seeds), so a repeated body is a re-sent create.
   */
  static void assertNoPredictionCreatedTwice(StubRelay stub) {
    Map<String, List<RecordedCall>> handledByBody = new LinkedHashMap<>();
    int handled = 0;
    for (RecordedCall create : stub.journal().creates()) {
      boolean answeredWithoutHandling = create.fault().map(f -> f.startsWith("status")).orElse(false);
      if (!answeredWithoutHandling) {
        handled++;
        handledByBody.computeIfAbsent(create.body(), b -> new ArrayList<>()).add(create);
      }
    }
    handledByBody.forEach((body, calls) ->
        assertThat(calls).as("creates that reached the handler with one body").hasSize(1));
    assertThat(stub.predictionsCreated()).as("predictions the stub made").isEqualTo(handled);
  }

  /**
   * Files were downloaded, over the file host only and without any Authorization header, while
   * every API request did carry the key (so the check could fail).
   */
  static void assertFilesFetchedWithoutToken(StubRelay stub) {
    List<RecordedCall> files = stub.journal().files();
    assertThat(files).as("file downloads").isNotEmpty();
    String fileHost = stub.fileBaseUrl().replaceFirst("^https?://", "");
    assertThat(files).allSatisfy(call -> {
      assertThat(call.hasAuthorization()).as("Authorization on %s", call).isFalse();
      assertThat(call.header("Host")).as("Host of %s", call).contains(fileHost);
      assertThat(call.header("User-Agent")).as("User-Agent of %s", call)
          .hasValueSatisfying(agent -> assertThat(agent).startsWith("replicate4j/"));
    });
    assertThat(apiRequests(stub)).isNotEmpty().allSatisfy(call ->
        assertThat(call.header("Authorization")).contains("Bearer " + stub.apiKey()));
  }

  /** The API requests, leaving out file downloads. */
  static List<RecordedCall> apiRequests(StubRelay stub) {
    List<RecordedCall> api = new ArrayList<>();
    for (RecordedCall call : stub.journal().requests()) {
      if (call.kind() != RequestKind.FILE) {
        api.add(call);
      }
    }
    return api;
  }

  /** The only prediction's id, read from the journal's GETs or cancels. */
  static String onlyPredictionId(StubRelay stub) {
    List<String> ids = stub.journal().requests().stream()
        .map(call -> call.predictionId().orElse(null))
        .filter(id -> id != null)
        .distinct()
        .toList();
    assertThat(ids).as("prediction ids in the journal").hasSize(1);
    return ids.get(0);
  }

  /** Time between two requests' arrival. */
  static Duration gap(RecordedCall earlier, RecordedCall later) {
    return Duration.between(earlier.arrivedAt(), later.arrivedAt());
  }
}

package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.SD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitAndCancelTest {
  private static final Schedule QUICK = Schedule.of(Duration.ofMillis(50), Duration.ofMillis(200));
  private static final Schedule LONG = Schedule.of(Duration.ofMillis(50), Duration.ofSeconds(30));

  @Test
  void preferWaitHoldsTheResponseUntilTheEnd() {
    with(b -> b.schedule(QUICK), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of("prompt", "x"), "Prefer", "wait");

      assertThat(reply.code).isEqualTo(200);
      assertThat(reply.json()).containsEntry("status", "succeeded");
      assertThat(reply.json().get("output")).asInstanceOf(LIST).hasSize(1);
    });
  }

  @Test
  void preferWaitWithSecondsReturnsTheUnfinishedPredictionWhenTimeIsUp() {
    with(b -> b.schedule(LONG), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Prefer", "wait=1");

      // As the official spec says, whether or not the model is already running.
      assertThat(reply.json().get("status")).isEqualTo("starting");
      assertThat(reply.json().get("output")).isNull();
    });
  }

  @Test
  void preferWaitIsIgnoredWhenSwitchedOff() {
    with(b -> b.schedule(QUICK).honourPreferWait(false), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Prefer", "wait=60");

      assertThat(reply.json()).containsEntry("status", "starting");
      // Ignored means not even checked.
      assertThat(http.create(SD, Map.of(), "Prefer", "respond-async").code).isEqualTo(200);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"wait=61", "wait=99"})
  void preferWaitUpTo99FollowsTheOfficialPattern(String prefer) {
    with(b -> b.schedule(QUICK), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Prefer", prefer);

      assertThat(reply.code).isEqualTo(200);
      assertThat(reply.json()).containsEntry("status", "succeeded");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"wait=0", "wait=100", "wait=abc", "wait=", "respond-async"})
  void invalidPreferIs400AndCreatesNothing(String prefer) {
    with(b -> { }, http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Prefer", prefer);

      assertThat(reply.code).isEqualTo(400);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
      assertThat((String) reply.json().get("detail")).contains("Prefer", prefer);
      assertThat(http.stub.predictionsCreated()).isZero();
    });
  }

  @Test
  void successCodesAre200LikeTheRelayByDefault() {
    with(b -> b.schedule(QUICK), http -> {
      assertThat(http.create(SD, Map.of()).code).isEqualTo(200);
      assertThat(http.create(SD, Map.of(), "Prefer", "wait").code).isEqualTo(200);
    });
  }

  @Test
  void successCodesAre201WhenFinishedAnd202WhenRunningLikeReplicate() {
    with(b -> b.schedule(QUICK).successCodes(SuccessCodes.REPLICATE_201_202), http -> {
      StubHttp.Reply running = http.create(SD, Map.of());
      StubHttp.Reply finished = http.create(SD, Map.of(), "Prefer", "wait");

      assertThat(running.code).isEqualTo(202);
      assertThat(running.json()).containsEntry("status", "starting");
      assertThat(finished.code).isEqualTo(201);
      assertThat(finished.json()).containsEntry("status", "succeeded");
      assertThat(http.get((String) running.json().get("id")).code).isEqualTo(200);
    });
  }

  @Test
  void cancelStopsARunningPrediction() {
    with(b -> b.schedule(LONG), http -> {
      String id = http.createId(SD, Map.of());

      StubHttp.Reply canceled = http.cancel(id);
      assertThat(canceled.code).isEqualTo(200);
      assertThat(canceled.json()).containsEntry("status", "canceled").containsEntry("output", null);
      assertThat(canceled.json().get("completed_at")).isNotNull();
      assertThat(http.get(id).json()).containsEntry("status", "canceled");
    });
  }

  @Test
  void cancellingAFinishedPredictionChangesNothing() {
    with(b -> b.schedule(QUICK), http -> {
      String id = (String) http.create(SD, Map.of(), "Prefer", "wait").json().get("id");

      assertThat(http.cancel(id).json()).containsEntry("status", "succeeded");
    });
  }

  @Test
  void cancelAfterCancelsAPredictionThatStartedAndSetsItsDeadline() {
    with(b -> b.schedule(LONG).cancelAfterMinimum(Duration.ZERO), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Cancel-After", "1s", "Prefer", "wait=10");

      assertThat(reply.json()).containsEntry("status", "canceled");
      assertThat(reply.json().get("started_at")).isNotNull();
      assertThat(reply.json().get("deadline")).isNotNull();
      assertThat((String) reply.json().get("logs")).contains("Cancel-After");
    });
  }

  @Test
  void cancelAfterAbortsAPredictionThatNeverStarted() {
    with(b -> b.schedule(Schedule.of(Duration.ofSeconds(30), Duration.ZERO))
        .cancelAfterMinimum(Duration.ZERO), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Cancel-After", "1s", "Prefer", "wait=10");

      assertThat(reply.json()).containsEntry("status", "aborted").containsEntry("started_at", null);
      assertThat(reply.json().get("completed_at")).isNotNull();
    });
  }

  @Test
  void cancelAfterIsIgnoredWhenSwitchedOff() {
    with(b -> b.schedule(QUICK).honourCancelAfter(false), http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Cancel-After", "1s", "Prefer", "wait");

      assertThat(reply.json()).containsEntry("status", "succeeded").doesNotContainKey("deadline");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "5x", "1m30", "", "m", "4s", "99999999999999999999"})
  void invalidOrTooShortCancelAfterIs400(String value) {
    with(b -> { }, http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Cancel-After", value);

      assertThat(reply.code).isEqualTo(400);
      assertThat((String) reply.json().get("detail")).contains("Cancel-After");
      assertThat(http.stub.predictionsCreated()).isZero();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"5s", "5m", "1h2m3s", "90s", "30", "5"})
  void validCancelAfterValuesAreAccepted(String value) {
    with(b -> { }, http -> {
      StubHttp.Reply reply = http.create(SD, Map.of(), "Cancel-After", value);

      assertThat(reply.code).isEqualTo(200);
      assertThat(reply.json().get("deadline")).isNotNull();
    });
  }

  private static void with(Consumer<StubRelayBuilder> config, Consumer<StubHttp> test) {
    StubRelayBuilder builder = StubRelay.builder();
    config.accept(builder);
    try (StubRelay stub = builder.build().start(); StubHttp http = new StubHttp(stub)) {
      test.accept(http);
    }
  }
}

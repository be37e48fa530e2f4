package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ConnectionException;
import dev.replicate4j.CreateOptions;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ServerException;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the create request and what {@code client.run} makes of them. A create is re-sent only
 * after a 429 (the request surely did nothing); after anything else the caller gets the error, and
 * the journal shows a single create: the SDK never makes a second, billed prediction.
 */
@ExtendWith(ReplicateStubExtension.class)
class CreateFaultTest {

  @AfterEach
  void neverCreatedTwice(StubRelay stub) {
    assertThat(stub.pendingFaults(RequestKind.CREATE)).as("unused faults").isZero();
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }

  @Test
  void rateLimitWithRetryAfterHeaderIsWaitedOutAndTheSameCreateSentOnce(ReplicateClient client,
      StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.rateLimitedWithHeader(1));

    FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

    assertThat(images.size()).isEqualTo(1);
    assertRetriedOnceAfter(stub, Duration.ofSeconds(1));
  }

  @Test
  void rateLimitWithRetryAfterInTheBodyIsWaitedOutAndTheSameCreateSentOnce(
      ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.rateLimitedWithBody(1));

    FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

    assertThat(images.size()).isEqualTo(1);
    assertRetriedOnceAfter(stub, Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorOnCreateIsThrownWithoutResending(int code, ReplicateClient client,
      StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.status(code));

    ServerException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), ServerException.class);

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.getMessage()).contains("create prediction", String.valueOf(code));
    assertThat(stub.journal().creates()).hasSize(1);
    assertThat(stub.predictionsCreated()).isZero();
    assertThat(JournalChecks.apiRequests(stub)).hasSize(1);
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(longs = {0, 99_999_999_999L})
  void aServiceUnavailableAskingForAnyRetryAfterIsThrownWithoutResending(long seconds,
      ReplicateClient client, StubRelay stub) {
    // OkHttp on its own re-sent a POST answered 503 with Retry-After: 0, and threw a
    // NumberFormatException for a value beyond an int.
    stub.failNext(RequestKind.CREATE, Fault.unavailableWithRetryAfter(seconds));

    ServerException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), ServerException.class);

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.mayHaveCreated()).isTrue();
    assertThat(e.header("Retry-After")).contains(String.valueOf(seconds));
    assertThat(stub.journal().creates()).hasSize(1);
    assertThat(stub.predictionsCreated()).isZero();
  }

  @Test
  void aConnectionDroppedBeforeTheResponseIsThrownWithoutResending(ReplicateClient client,
      StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.dropBeforeResponse());

    catchThrowableOfType(() -> client.run(Models.SDXL, Inputs.sdxl()), ConnectionException.class);

    assertOneCreateThatMadeOnePrediction(stub);
  }

  @Test
  void aConnectionDroppedMidBodyIsThrownWithoutResending(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.dropMidBody());

    catchThrowableOfType(() -> client.run(Models.SDXL, Inputs.sdxl()), ConnectionException.class);

    assertOneCreateThatMadeOnePrediction(stub);
  }

  @Test
  void aResponseSlowerThanTheReadTimeoutIsThrownWithoutResending(StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.slow(Duration.ofMillis(1500)));
    // Without sync mode: a Prefer: wait create gets a read timeout long enough for its wait.
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
        .readTimeout(Duration.ofMillis(250)).runOptions(CreateOptions.NONE).build()) {

      ConnectionException e = catchThrowableOfType(
          () -> client.run(Models.SDXL, Inputs.sdxl()), ConnectionException.class);

      assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
    }
    assertOneCreateThatMadeOnePrediction(stub);
  }

  @Test
  void malformedJsonIsAConnectionErrorAndIsNotResent(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.malformedJson());

    ConnectionException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), ConnectionException.class);

    assertThat(e.getMessage()).contains("malformed");
    assertOneCreateThatMadeOnePrediction(stub);
  }

  /** The 429 and one identical create after it, at least the server's delay later. */
  private static void assertRetriedOnceAfter(StubRelay stub, Duration retryAfter) {
    List<RecordedCall> creates = stub.journal().creates();
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).fault()).hasValueSatisfying(f -> assertThat(f).startsWith("status 429"));
    assertThat(creates.get(1).fault()).isEmpty();
    assertThat(creates.get(1).body()).isEqualTo(creates.get(0).body());
    assertThat(creates.get(1).header("Prefer")).isEqualTo(creates.get(0).header("Prefer"));
    assertThat(JournalChecks.gap(creates.get(0), creates.get(1)))
        .isGreaterThanOrEqualTo(retryAfter.minus(JournalChecks.CLOCK_SLACK));
    assertThat(stub.predictionsCreated()).isEqualTo(1);
  }

  /**
   * The stub did its work (the prediction exists) and the answer was lost: the caller must hear of
   * it, and the SDK must not have sent the create again.
   */
  private static void assertOneCreateThatMadeOnePrediction(StubRelay stub) {
    assertThat(stub.journal().creates()).hasSize(1);
    assertThat(stub.predictionsCreated()).isEqualTo(1);
    assertThat(stub.journal().requests(RequestKind.GET)).isEmpty();
  }
}

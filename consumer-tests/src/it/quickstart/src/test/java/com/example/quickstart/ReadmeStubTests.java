package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.PredictionFailedException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.Outcome;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

// The README's "Testing against the stub relay" block, verbatim below.
@ExtendWith(ReplicateStubExtension.class)              // a fresh stub and client per test
class ThumbnailServiceTest {
  @Test
  void makesOneImage(ReplicateClient client, StubRelay stub) {
    FileOutputs images = new ThumbnailService(client).render("a lighthouse");
    assertThat(images.size()).isEqualTo(1);
    assertThat(stub.journal().creates()).hasSize(1);    // what was sent: method, path, headers, body
  }
}

class ThumbnailServiceFailureTest {
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false))            // make the client poll
      .configureClient(client -> client.readTimeout(Duration.ofSeconds(2)));

  @Test
  void reportsAFailedPrediction(ReplicateClient client, StubRelay stub) {
    stub.nextOutcome(Outcome.failed("CUDA out of memory"));           // or aborted(), dataRemoved()...
    stub.failNext(RequestKind.GET, Fault.status(503));                // faults for the next request(s)
    assertThatThrownBy(() -> new ThumbnailService(client).render("a lighthouse"))
        .isInstanceOf(PredictionFailedException.class);
  }
}

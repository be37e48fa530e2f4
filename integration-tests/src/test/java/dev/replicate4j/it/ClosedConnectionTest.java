package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that closes each connection after its answer, without saying so: the next create must
 * not be written to the dead pooled connection (it would fail, and could not be retried safely),
 * and no prediction is created twice.
 */
class ClosedConnectionTest {
  private static final int CREATES = 10;

  @RegisterExtension
  final ReplicateStubExtension relay = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false));

  @Test
  void backToBackCreatesSucceedWithoutDuplicates(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, CREATES, Fault.closeAfterResponse());

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CREATES; i++) {
      ids.add(client.create(Models.SDXL, Inputs.sdxl()).id());
    }

    assertThat(ids).doesNotHaveDuplicates().hasSize(CREATES);
    assertOneRequestPerPrediction(stub);
  }

  @Test
  void backToBackAsyncRunsSucceedWithoutDuplicates(ReplicateClient client, StubRelay stub)
      throws Exception {
    stub.failNext(RequestKind.CREATE, CREATES, Fault.closeAfterResponse());
    stub.failNext(RequestKind.GET, 1000, Fault.closeAfterResponse());

    for (int i = 0; i < CREATES; i++) {
      FileOutputs images =
          client.runAsync(Models.SDXL, Inputs.sdxl()).get(30, TimeUnit.SECONDS);
      assertThat(images.size()).isEqualTo(1);
    }

    assertOneRequestPerPrediction(stub);
    stub.clearFaults();
  }

  private static void assertOneRequestPerPrediction(StubRelay stub) {
    assertThat(stub.predictionsCreated()).isEqualTo(CREATES);
    List<RecordedCall> creates = stub.journal().creates();
    assertThat(creates).hasSize(CREATES)
        .allSatisfy(c -> assertThat(c.fault()).contains("close after response"));
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }
}

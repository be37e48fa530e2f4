package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.SuccessCodes;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code client.run} in sync mode: one request when the server waits, polling when it does not. */
class SyncModeTest {

  /** The test policy's 60-s sync wait, cut to its 30-s deadline so that it cannot outlast it. */
  static String expectedWait(ReplicateClient client) {
    assertThat(client.runOptions().preferWaitSeconds()).contains(60);
    assertThat(client.pollingPolicy().deadline()).isEqualTo(Duration.ofSeconds(30));
    // Half a second of the deadline is left for the answer to arrive.
    return "wait=29";
  }

  @Nested
  class AgainstAServerThatWaits {
    @RegisterExtension
    final ReplicateStubExtension relay = ReplicateStubExtension.create();

    @Test
    void aRunIsExactlyOneRequest(ReplicateClient client, StubRelay stub) {
      FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

      assertThat(images.size()).isEqualTo(1);
      List<RecordedCall> api = JournalChecks.apiRequests(stub);
      assertThat(api).hasSize(1);
      assertThat(api.get(0).kind()).isEqualTo(RequestKind.CREATE);
      assertThat(api.get(0).header("Prefer")).contains(expectedWait(client));
    }
  }

  @Nested
  class AgainstAServerThatIgnoresPreferWait {
    @RegisterExtension
    final ReplicateStubExtension relay = ReplicateStubExtension.create()
        .configureStub(stub -> stub.honourPreferWait(false));

    @Test
    void aRunFinishesByPolling(ReplicateClient client, StubRelay stub) {
      FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

      assertThat(images.size()).isEqualTo(1);
      assertThat(stub.journal().creates()).hasSize(1);
      assertThat(stub.journal().creates().get(0).header("Prefer")).contains(expectedWait(client));
      assertThat(stub.journal().gets(JournalChecks.onlyPredictionId(stub))).isNotEmpty();
    }
  }

  @Nested
  class AgainstAServerThatAnswersLikeReplicate {
    @RegisterExtension
    final ReplicateStubExtension relay = ReplicateStubExtension.create()
        .configureStub(stub -> stub.honourPreferWait(false)
            .successCodes(SuccessCodes.REPLICATE_201_202));

    @Test
    void a202ForARunningPredictionIsPolledToTheEnd(ReplicateClient client, StubRelay stub) {
      FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

      assertThat(images.size()).isEqualTo(1);
      assertThat(stub.journal().requests(RequestKind.GET)).isNotEmpty();
    }
  }
}

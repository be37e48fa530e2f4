package dev.replicate4j.stub.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.PollingPolicy;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.StubRelay;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplicateStubExtensionTest {
  private static final SdxlInput INPUT = SdxlInput.builder().prompt("a lighthouse").build();

  @Nested
  @ExtendWith(ReplicateStubExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    private static ReplicateClient previousClient;
    private static StubRelay previousStub;

    @Test
    @Order(1)
    void resolvesAStubAndAClientConfiguredForIt(ReplicateClient client, StubRelay stub) {
      assertThat(client.baseUrl()).isEqualTo(stub.baseUrl() + "/");
      assertThat(client.pollingPolicy()).isSameAs(ReplicateStubExtension.TEST_POLLING_POLICY);

      FileOutputs images = client.run(Models.SDXL, INPUT);

      assertThat(images.size()).isEqualTo(1);
      RecordedCall create = stub.journal().creates().get(0);
      assertThat(create.header("Authorization")).contains("Bearer " + stub.apiKey());
      previousClient = client;
      previousStub = stub;
    }

    @Test
    @Order(2)
    void closesTheClientAndTheStubAfterTheTest(ReplicateClient client, StubRelay stub) {
      assertThat(stub).isNotSameAs(previousStub);
      assertThat(client).isNotSameAs(previousClient);
      assertThat(previousStub.toString()).contains("closed");
      // A closed client has shut its HTTP threads down: async work is refused at once.
      assertThatThrownBy(() -> previousClient.runAsync(Models.SDXL, INPUT).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClassConfigured {
    private static final PollingPolicy POLICY = ReplicateStubExtension.TEST_POLLING_POLICY
        .toBuilder().deadline(Duration.ofSeconds(20)).build();

    @RegisterExtension
    static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
        .configureStub(stub -> stub.apiKey("team-key"))
        .configureClient(client -> client.pollingPolicy(POLICY).runOptions(CreateOptions.NONE))
        .perClass();

    private static StubRelay fromBeforeAll;

    @BeforeAll
    static void seesTheClassStub(StubRelay stub) {
      fromBeforeAll = stub;
    }

    @Test
    @Order(1)
    void appliesBothConfigurations(ReplicateClient client, StubRelay stub) {
      assertThat(stub).isSameAs(fromBeforeAll);
      assertThat(stub.apiKey()).isEqualTo("team-key");
      assertThat(client.pollingPolicy()).isSameAs(POLICY);

      assertThat(client.run(Models.SDXL, INPUT).size()).isEqualTo(1);
      assertThat(stub.journal().creates().get(0).header("Prefer")).isEmpty();
    }

    @Test
    @Order(2)
    void sharesTheStubAcrossTheClass(ReplicateClient client, StubRelay stub) {
      assertThat(stub).isSameAs(fromBeforeAll);
      assertThat(stub.predictionsCreated()).isEqualTo(1);
      assertThat(client.run(Models.SDXL, INPUT).size()).isEqualTo(1);
    }

    @Nested
    class InANestedClass {
      @Test
      void sharesTheEnclosingClassesStubAndItsState(ReplicateClient client, StubRelay stub) {
        assertThat(stub).isSameAs(fromBeforeAll);
        assertThat(stub.predictionsCreated()).isEqualTo(2); // the enclosing class's tests ran first
        assertThat(client.pollingPolicy()).isSameAs(POLICY);
      }
    }
  }

  @Test
  void aClientBuilderForAStubCanMakeMoreClients() {
    try (StubRelay stub = StubRelay.builder().build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
            .readTimeout(Duration.ofSeconds(3)).build()) {
      assertThat(client.baseUrl()).startsWith(stub.baseUrl());
      assertThat(client.pollingPolicy()).isSameAs(ReplicateStubExtension.TEST_POLLING_POLICY);
    }
  }
}

package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.stub.junit.StubRelayExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class StubRelayExtensionTest {

  @Nested
  @ExtendWith(StubRelayExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    private static final StubRelay[] previous = new StubRelay[1];

    @Test
    @Order(1)
    void startsADefaultStubForTheTest(StubRelay stub) {
      try (StubHttp http = new StubHttp(stub)) {
        assertThat(stub.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(stub.apiKey()).isEqualTo(StubRelay.DEFAULT_API_KEY);
        assertThat(http.create(StubHttp.SD, Map.of()).code).isEqualTo(200);
      }
      previous[0] = stub;
    }

    @Test
    @Order(2)
    void givesEachTestAFreshStubAndClosesTheOldOne(StubRelay stub) {
      assertThat(stub).isNotSameAs(previous[0]);
      assertThat(stub.journal().requests()).isEmpty();
      assertThat(previous[0].toString()).contains("closed");
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClassConfiguredWithExtraParameters {
    @RegisterExtension
    static final StubRelayExtension STUB = StubRelayExtension.create()
        .configure(b -> b.apiKey("class-key"))
        .configure(b -> b.schedule(Schedule.of(Duration.ZERO, Duration.ofMillis(50))))
        .resolving(Probe.class, Probe::new)
        .perClass();

    private static StubRelay fromBeforeAll;
    private static Probe firstProbe;

    @BeforeAll
    static void seeTheStubBeforeAll(StubRelay stub) {
      fromBeforeAll = stub;
    }

    @Test
    @Order(1)
    void sharesOneConfiguredStubAndResolvesRegisteredTypes(StubRelay stub, Probe probe) {
      assertThat(stub).isSameAs(fromBeforeAll);
      assertThat(stub.apiKey()).isEqualTo("class-key");
      assertThat(probe.stub).isSameAs(stub);
      assertThat(probe.closed).isFalse();
      firstProbe = probe;
    }

    @Test
    @Order(2)
    void closesResolvedObjectsAfterEachTestButKeepsTheStub(StubRelay stub, Probe probe) {
      assertThat(stub).isSameAs(fromBeforeAll);
      assertThat(stub.toString()).doesNotContain("closed");
      assertThat(firstProbe.closed).isTrue();
      assertThat(probe).isNotSameAs(firstProbe);
    }

    @Nested
    class InANestedClass {
      @Test
      void testsShareTheEnclosingClassesStub(StubRelay stub) {
        assertThat(stub).isSameAs(fromBeforeAll);
      }
    }
  }

  /** A stand-in for a client made from the stub. */
  static final class Probe implements AutoCloseable {
    final StubRelay stub;
    volatile boolean closed;

    Probe(StubRelay stub) {
      this.stub = stub;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

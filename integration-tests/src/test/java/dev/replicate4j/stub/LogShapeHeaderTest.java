package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A create's {@code X-Stub-Log-Shape} header chooses its prediction's log shape over the stub's. */
class LogShapeHeaderTest {

  @Test
  void theHeaderWinsOverTheStubsShapeAndAnUnknownNameIsRefused() {
    try (StubRelay stub = StubRelay.builder().logShape(LogShape.NO_BAR)
        .schedule(Schedule.of(Duration.ofMillis(50), Duration.ofMillis(500))).build().start()) {
      StubHttp http = new StubHttp(stub);
      String twoBars = http.createId(StubHttp.SD, Map.of("prompt", "a lighthouse"),
          LogShape.HEADER, "Two_Bars");
      String plain = http.createId(StubHttp.SD, Map.of("prompt", "a lighthouse"));

      assertThat(http.awaitTerminal(twoBars).get("logs").toString())
          .contains("| 10/10 [").doesNotContain("denoising batch");
      assertThat(http.awaitTerminal(plain).get("logs").toString())
          .contains("denoising batch 5 of 5").doesNotContain("it/s");

      StubHttp.Reply refused = http.create(StubHttp.SD, Map.of("prompt", "a lighthouse"),
          LogShape.HEADER, "sideways");
      assertThat(refused.code).isEqualTo(400);
      assertThat(refused.body).contains("sideways", "two_bars");
    }
  }
}

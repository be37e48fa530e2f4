package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void startsEmptyWithUnknownRate() {
    assertThat(ProgressLine.of(0, 50, 0)).isEqualTo("  0%|          | 0/50 [00:00<?, ?it/s]");
  }

  @Test
  void drawsPartialBlocksLikeTqdm() {
    // 23/50 = 46%: 4.6 cells, so four full blocks and a half block.
    assertThat(ProgressLine.of(23, 50, 1.15))
        .isEqualTo(" 46%|\u2588\u2588\u2588\u2588\u258c     | 23/50 [00:01<00:01, 20.00it/s]");
  }

  @Test
  void endsFull() {
    assertThat(ProgressLine.of(4, 4, 0.5)).isEqualTo("100%|\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
        + "\u2588\u2588\u2588| 4/4 [00:00<00:00,  8.00it/s]");
  }
}

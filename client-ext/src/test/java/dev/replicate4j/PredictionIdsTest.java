package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The id rule, checked against its statement as a regular expression (the oracle). */
class PredictionIdsTest {
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

  @Test
  void everyCharacterOfTheFirstPlaneIsJudgedAsTheRuleSays() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String id = "a" + c + "b";
      assertThat(PredictionIds.usable(id)).as("U+%04X", (int) c)
          .isEqualTo(RULE.matcher(id).matches());
    }
  }

  @Test
  void lengthIsOneTo256() {
    assertThat(PredictionIds.usable("x".repeat(256))).isTrue();
    assertThat(PredictionIds.usable("x".repeat(257))).isFalse();
    assertThat(PredictionIds.usable("x")).isTrue();
    assertThat(PredictionIds.usable("")).isFalse();
    assertThat(PredictionIds.usable(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRefused(String id) {
    assertThat(PredictionIds.usable(id)).isFalse();
    assertThat(PredictionIds.usable(id + "x")).isTrue();
    assertThat(PredictionIds.usable("...")).isTrue();
  }
}

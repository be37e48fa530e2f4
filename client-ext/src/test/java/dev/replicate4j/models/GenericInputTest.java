package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericInputTest {

  @Test
  void theMapIsSentAsGiven() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("prompt", "a red fox");
    map.put("num_outputs", 2);
    map.put("seed", 12345678901L);
    map.put("strength", 0.25);
    map.put("tiles", List.of(1, 2));
    map.put("options", Map.of("upscale", true));

    assertThat(Json.of(GenericInput.of(map))).isEqualTo("{\"prompt\":\"a red fox\","
        + "\"num_outputs\":2,\"seed\":12345678901,\"strength\":0.25,\"tiles\":[1,2],"
        + "\"options\":{\"upscale\":true}}");
  }

  @Test
  void imagesAndTheSdksEnumsAreWrittenInTheirWireForm() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("image", ImageInput.url("https://example.com/a.png"));
    map.put("scheduler", SdxlScheduler.KARRAS_DPM);
    map.put("masks", List.of(ImageInput.url("https://example.com/m.png")));

    assertThat(Json.of(GenericInput.of(map))).isEqualTo("{\"image\":\"https://example.com/a.png\","
        + "\"scheduler\":\"KarrasDPM\",\"masks\":[\"https://example.com/m.png\"]}");
  }

  @Test
  void theMapIsCopied() {
    Map<String, Object> map = new HashMap<>(Map.of("prompt", "x"));
    GenericInput input = GenericInput.of(map);
    map.put("prompt", "changed");
    assertThat(input.toWire()).containsEntry("prompt", "x");
    assertThatThrownBy(() -> input.toWire().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesJsonCannotCarryAreAllReportedAtOnce() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("scale_exact", new StringBuilder("1.5"));
    map.put("seed", null);
    map.put("scale", Double.NaN);

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
        ValidationException.class, () -> GenericInput.of(map));
    assertThat(e.getMessage()).isEqualTo("3 invalid inputs:\n"
        + "  - generic input: scale_exact = 1.5: a java.lang.StringBuilder cannot be sent as JSON; "
        + "use a String, Integer, Long, Double, BigInteger, BigDecimal, Boolean, List or Map\n"
        + "  - generic input: seed is missing: null is not sent; leave the key out instead\n"
        + "  - generic input: scale = NaN: must be a finite number");
  }
}

package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults declared on a spec: reported typed as the field, never sent. */
class InputSpecDefaultTest {
  private static InputSpec.Declaration<ModelInput, Map<String, Object>> declare() {
    return InputSpec.<ModelInput, Map<String, Object>>declare("acme/thing", HashMap::new,
        m -> () -> m)
        .integer("steps", false, 1L, 10L, (m, v) -> m.put("steps", v))
        .text("prompt", false, (m, v) -> m.put("prompt", v));
  }

  @Test
  void aDefaultIsReportedButNotSent() {
    InputSpec<ModelInput> spec = declare().withDefault("steps", 4L).done();

    assertThat(spec.rule("steps").field.defaultValue()).contains(4L);
    assertThat(spec.rule("prompt").field.defaultValue()).isEmpty();
    assertThat(spec.check(new HashMap<>()).wire()).isEmpty();
  }

  @Test
  void aDefaultOfAnotherTypeOrForNoFieldIsRefused() {
    assertThatThrownBy(() -> declare().withDefault("steps", 4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acme/thing steps: the default 4 is not a Long");
    assertThatThrownBy(() -> declare().withDefault("seed", 1L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acme/thing seed: a default for a field not declared");
  }
}

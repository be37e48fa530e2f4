package dev.replicate4j.models;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.replicate4j.ValidationException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helpers: an input's JSON exactly as Moshi writes it, and the violation a build throws. */
final class Json {
  @SuppressWarnings("rawtypes")
  private static final JsonAdapter<Map> MAP = new Moshi.Builder().build().adapter(Map.class);

  private Json() {}

  static String of(ModelInput input) {
    return MAP.toJson(input.toWire());
  }

  /** The message of the ValidationException the call throws. */
  static String violation(ThrowingCallable call) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(call).isInstanceOf(ValidationException.class)
        .satisfies(e -> caught[0] = e);
    return caught[0].getMessage();
  }
}

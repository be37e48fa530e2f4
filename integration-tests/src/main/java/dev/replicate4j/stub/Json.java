package dev.replicate4j.stub;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in and out with Moshi, keeping nulls and writing whole numbers without a fraction. */
final class Json {
  private static final JsonAdapter<Object> VALUE =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private Json() {}

  /**
   * Parses any JSON value. Moshi reads every number as a double; whole numbers come back as
   * {@code Long} so that an echoed input says {@code 2}, not {@code 2.0}, and integer rules can
   * tell {@code 2} from {@code 2.5}.
   */
  static Object parse(String text) throws IOException {
    return wholeNumbers(VALUE.fromJson(text));
  }

  static String write(Object value) {
    return VALUE.toJson(value);
  }

  private static Object wholeNumbers(Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return (long) d;
      }
      return d;
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        copy.put((String) e.getKey(), wholeNumbers(e.getValue()));
      }
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(wholeNumbers(item));
      }
      return copy;
    }
    return value;
  }
}

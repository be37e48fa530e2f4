package dev.replicate4j;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON read and written the way the SDK reads every response: numbers exactly as sent.
 *
 * <p>An integer is a {@code Long}, or a {@code BigInteger} beyond the 64-bit range; any other
 * number is a {@code Double}, or a {@code BigDecimal} when a double cannot hold it (such as
 * {@code 1e309}), so one number out of range never makes a whole document unreadable. A number
 * literal longer than {@value #MAX_EXACT_LENGTH} characters is read as a (possibly infinite)
 * {@code Double}: exact big numbers cost time that grows faster than their length. Objects are
 * {@code Map}s in document order, arrays {@code List}s. Writing accepts the same values, so what
 * is read is written back unchanged.
 */
public final class ExactJson {
  /** The longest number literal read exactly, in characters. */
  public static final int MAX_EXACT_LENGTH = 1000;

  /** Reads {@code Object} (and the big number types) exactly; every other type is Moshi's. */
  static final JsonAdapter.Factory FACTORY = ExactJson::adapter;

  private static final JsonAdapter<Number> EXACT_NUMBER = new BigNumber<>(ExactJson::number);

  private static final JsonAdapter<Object> VALUE =
      new Moshi.Builder().add(FACTORY).build().adapter(Object.class).serializeNulls();

  private ExactJson() {}

  /**
   * Parses any JSON value.
   *
   * @param json the text
   * @return a Map, List, String, Boolean, number as described above, or null
   * @throws ReplicateException if the text is not JSON
   */
  public static Object parse(String json) {
    try {
      return VALUE.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new ReplicateException("Not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a value built from the types {@link #parse} returns (and the other boxed numbers),
   * nulls in objects included.
   *
   * @param value the value
   * @return the JSON text
   * @throws IllegalArgumentException if the value holds a type JSON has no form for, or a number
   *     that is not finite
   */
  public static String write(Object value) {
    return VALUE.toJson(value);
  }

  /**
   * The number a JSON number literal stands for, as described on the class.
   *
   * @param text a JSON number literal
   * @return a Long, BigInteger, Double or BigDecimal
   * @throws NumberFormatException if the text is not a number
   */
  public static Number number(String text) {
    boolean integer = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        integer = false;
        break;
      }
    }
    if (text.length() > MAX_EXACT_LENGTH) {
      return Double.parseDouble(text);
    }
    if (integer) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return new BigInteger(text);
      }
    }
    double d = Double.parseDouble(text);
    if (!Double.isInfinite(d) && d != 0) {
      return d;
    }
    try {
      BigDecimal exact = new BigDecimal(text);
      return exact.signum() == 0 ? d : exact;
    } catch (NumberFormatException e) {
      // An exponent beyond BigDecimal's range (1e99999999999): the double is the best there is.
      return d;
    }
  }

  private static JsonAdapter<?> adapter(Type type, Set<? extends Annotation> annotations,
      Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == BigDecimal.class) {
      return new BigNumber<>(BigDecimal::new).nullSafe();
    }
    if (type == BigInteger.class) {
      return new BigNumber<>(BigInteger::new).nullSafe();
    }
    if (type != Object.class) {
      return null;
    }
    JsonAdapter<Object> others = moshi.nextAdapter(FACTORY, Object.class, annotations);
    return new JsonAdapter<Object>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        switch (reader.peek()) {
          case BEGIN_ARRAY:
            List<Object> list = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
              list.add(fromJson(reader));
            }
            reader.endArray();
            return list;
          case BEGIN_OBJECT:
            Map<String, Object> map = new LinkedHashMap<>();
            reader.beginObject();
            while (reader.hasNext()) {
              String name = reader.nextName();
              Object value = fromJson(reader);
              int before = map.size();
              map.put(name, value);
              if (map.size() == before) {
                throw new JsonDataException("Map key '" + abbreviate(name)
                    + "' has multiple values at path " + reader.getPath());
              }
            }
            reader.endObject();
            return map;
          case NUMBER:
            return EXACT_NUMBER.fromJson(reader);
          default:
            return others.fromJson(reader);
        }
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws IOException {
        if (value instanceof BigDecimal || value instanceof BigInteger) {
          writer.value((Number) value);
        } else {
          others.toJson(writer, value);
        }
      }
    };
  }

  /**
   * Reads a number token by its literal text, which Moshi gives for {@code nextString}: with
   * {@link ExactJson#number} for {@code Object}, with the type's constructor for the big types.
   */
  private static final class BigNumber<N extends Number> extends JsonAdapter<N> {
    private final Function<String, N> parse;

    BigNumber(Function<String, N> parse) {
      this.parse = parse;
    }

    @Override
    public N fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return parse.apply(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Not a number: " + abbreviate(text) + " at path "
            + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, N value) throws IOException {
      writer.value(value);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "… (" + text.length() + " chars)";
  }
}

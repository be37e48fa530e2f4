package dev.replicate4j.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** {@code --json} output: maps, lists and scalars written as indented JSON. */
final class Json {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

  private Json() {}

  static String write(Object value) {
    return ADAPTER.toJson(value);
  }
}

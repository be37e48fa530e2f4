package dev.replicate4j.stub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code invalid_fields} list of a 422, and the problem that carries it. */
final class InvalidFields {
  private InvalidFields() {}

  static List<Map<String, Object>> of(String field, String description) {
    List<Map<String, Object>> list = new ArrayList<>();
    list.add(entry(field, description));
    return list;
  }

  /** A 422 naming every bad input field as {@code input.<name>}. */
  static Problem problem(String model, List<ModelSpec.InvalidField> invalid) {
    StringBuilder detail = new StringBuilder();
    List<Map<String, Object>> list = new ArrayList<>();
    for (ModelSpec.InvalidField f : invalid) {
      detail.append("- input.").append(f.field).append(": ").append(f.description).append('\n');
      list.add(entry("input." + f.field, f.description));
    }
    return Problem.invalid(detail.toString())
        .with("model", model)
        .with("invalid_fields", list);
  }

  private static Map<String, Object> entry(String field, String description) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("field", field);
    entry.put("description", description);
    return entry;
  }
}

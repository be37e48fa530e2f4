package dev.replicate4j.cli;

import dev.replicate4j.models.Model;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code models [MODEL]}: the catalog, or one model's inputs. Works offline. */
@Command(name = "models", description = "List the catalog's models, or show one model's inputs "
    + "(type, default, allowed values, range, required).")
final class ModelsCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "MODEL", description = "A model to describe.")
  String model;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (model == null) {
      list(out);
    } else {
      describe(out, ModelNames.resolve(model));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void list(PrintWriter out) {
    List<Model<?, ?>> models = ModelNames.catalog().models();
    if (json) {
      List<Object> all = new ArrayList<>();
      models.forEach(m -> all.add(summary(m)));
      out.println(Json.write(all));
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "MODEL", "VERSION", "TASK", "DESCRIPTION"));
    for (Model<?, ?> m : models) {
      rows.add(List.of(m.name().orElseThrow(),
          m.owner().orElseThrow() + "/" + m.name().orElseThrow(),
          m.versionId().orElseThrow().substring(0, 8),
          m.task().toString(), m.description()));
    }
    Table.print(out, rows);
  }

  private void describe(PrintWriter out, Model<?, ?> m) {
    List<InputTable.Field> fields = InputTable.of(m);
    if (json) {
      Map<String, Object> description = summary(m);
      List<Object> inputs = new ArrayList<>();
      fields.forEach(f -> inputs.add(f.json()));
      description.put("inputs", inputs);
      out.println(Json.write(description));
      return;
    }
    out.println(m.ref() + ": " + m.description());
    if (fields.isEmpty()) {
      out.println("Not in the catalog: any key=value is sent as given, unchecked.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("INPUT", "TYPE", "REQUIRED", "DEFAULT", "VALUES"));
    for (InputTable.Field f : fields) {
      String values = f.choices().isEmpty() ? f.rules()
          : String.join(", ", f.choices()) + (f.rules().isEmpty() ? "" : " (" + f.rules() + ")");
      rows.add(List.of(f.name(), f.type(), f.required() ? "yes" : "", f.defaultText(), values));
    }
    Table.print(out, rows);
    out.println("Inputs left out take the model's defaults.");
  }

  private static Map<String, Object> summary(Model<?, ?> m) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("name", m.name().orElseThrow());
    summary.put("model", m.owner().orElseThrow() + "/" + m.name().orElseThrow());
    summary.put("version", m.versionId().orElseThrow());
    summary.put("task", m.task().toString());
    summary.put("description", m.description());
    return summary;
  }

  /** Left-aligned columns, two spaces apart; the last column is not padded. */
  static final class Table {
    private Table() {}

    static void print(PrintWriter out, List<List<String>> rows) {
      int columns = rows.get(0).size();
      int[] widths = new int[columns];
      for (List<String> row : rows) {
        for (int i = 0; i < columns; i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      for (List<String> row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns; i++) {
          String cell = row.get(i);
          line.append(i == columns - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }
}

package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One model's inputs as typed data: each field's wire name, Java type, rule and builder setter.
 * Generated input classes declare one as their {@code SPEC}; their {@code build()} checks values
 * with it and {@link Model#parseInput(Map)} converts text with it, so both see the same rules.
 *
 * <p>This is the runtime of generated code: declare a spec by generating an input class from a
 * model schema (see the README), not by hand.
 *
 * @param <I> the input type
 */
public final class InputSpec<I extends ModelInput> {
  private final String model;
  private final Map<String, Rule> rules;
  /** Makes an empty builder, for {@link InputParser}. */
  final Supplier<?> newBuilder;
  /** Runs a builder's {@code build()}, for {@link InputParser}. */
  final Function<Object, I> build;

  private InputSpec(String model, Map<String, Rule> rules, Supplier<?> newBuilder,
      Function<Object, I> build) {
    this.model = model;
    this.rules = rules;
    this.newBuilder = newBuilder;
    this.build = build;
  }

  /**
   * Starts declaring the fields of a model's input, in schema order.
   *
   * @param model the model, {@code owner/name}
   * @param newBuilder makes an empty builder
   * @param build runs the builder's {@code build()}
   * @param <I> the input type
   * @param <B> the builder type
   * @return a declaration
   */
  public static <I extends ModelInput, B> Declaration<I, B> declare(String model,
      Supplier<B> newBuilder, Function<B, I> build) {
    return new Declaration<>(model, newBuilder, build);
  }

  /**
   * Sets or, for null, removes a builder value: a removed field is not sent and the model's
   * default applies.
   *
   * @param values the builder's values
   * @param name the wire name
   * @param value the value, or null
   */
  public static void put(Map<String, Object> values, String name, Object value) {
    if (value == null) {
      values.remove(name);
    } else {
      values.put(name, value);
    }
  }

  /**
   * Checks a builder's values against every rule, collecting every violation, and only then
   * turns them into their wire form, in schema order. Types are already enforced by the
   * builder's setters, so the rules are about values only.
   *
   * @param values the builder's values, by wire name
   * @return the checked values
   * @throws ValidationException listing every violation
   */
  public Values check(Map<String, Object> values) {
    values.keySet().stream().filter(name -> !rules.containsKey(name)).findFirst()
        .ifPresent(name -> {
          throw new IllegalStateException(model + " declares no input named " + name);
        });
    List<Violation> violations = new ArrayList<>();
    Map<String, Object> wire = new LinkedHashMap<>();
    rules.forEach((name, rule) -> {
      Object value = values.get(name);
      String broken = value == null ? (rule.field.required() ? "required, the model has no default"
          : null) : rule.check.apply(value);
      if (broken != null) {
        violations.add(new Violation(model, name, value == null ? null : Texts.describe(value),
            broken));
      } else if (value != null) {
        wire.put(name, rule.toWire.apply(value));
      }
    });
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return new Values(values, wire);
  }

  /**
   * The wire names of the fields, in schema order.
   *
   * @return an unmodifiable list
   */
  public List<String> fieldNames() {
    return List.copyOf(rules.keySet());
  }

  /**
   * The model, {@code owner/name}.
   *
   * @return the model
   */
  public String model() {
    return model;
  }

  /**
   * The fields, in schema order.
   *
   * @return an unmodifiable list
   */
  public List<Field> fields() {
    return rules.values().stream().map(r -> r.field).collect(Collectors.toUnmodifiableList());
  }

  /** The rule of the field with this wire name, or null. */
  Rule rule(String name) {
    return rules.get(name);
  }

  /**
   * The checked values of one input, as typed and as sent. Each typed value has exactly one wire
   * form and back, so two are equal exactly when their wire values are.
   *
   * @param typed the values as the caller typed them, by wire name
   * @param wire the wire values, in schema order
   */
  public record Values(Map<String, Object> typed, Map<String, Object> wire) {
    /** Copies both maps, keeping their order, so that the values cannot change later. */
    public Values {
      typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
      wire = Collections.unmodifiableMap(new LinkedHashMap<>(wire));
    }

    /**
     * The values as the caller typed them, for a new builder.
     *
     * @return a mutable copy, by wire name
     */
    public Map<String, Object> typed() {
      return new LinkedHashMap<>(typed);
    }

    /**
     * One typed value, as its setter took it.
     *
     * @param name the wire name
     * @param <T> the setter's type (boxed)
     * @return the value, or empty if not set
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> value(String name) {
      return Optional.ofNullable((T) typed.get(name));
    }

    /**
     * The wire values with long strings (data URIs) cut short.
     *
     * @param type the input's class name
     * @return for example {@code SdxlInput{prompt=a fox}}
     */
    public String describe(String type) {
      return Texts.fields(type, wire);
    }

    @Override
    public String toString() {
      return describe("Values");
    }
  }

  /**
   * A spec being declared; each method adds one field, in schema order.
   *
   * @param <I> the input type
   * @param <B> the builder type
   */
  public static final class Declaration<I extends ModelInput, B> {
    private final String model;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Supplier<B> newBuilder;
    private final Function<B, I> build;

    private Declaration(String model, Supplier<B> newBuilder, Function<B, I> build) {
      this.model = model;
      this.newBuilder = newBuilder;
      this.build = build;
    }

    /**
     * A text field.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> text(String name, boolean required, BiConsumer<B, String> setter) {
      return add(rule(name, Field.Kind.TEXT, required, null, null, List.of(), null), setter);
    }

    /**
     * An image: a URL, a data URI or a file, sent as its URL or data URI.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> image(String name, boolean required,
        BiConsumer<B, ImageInput> setter) {
      Rule rule = rule(name, Field.Kind.IMAGE, required, null, null, List.of(), null);
      rule.toWire = v -> ((ImageInput) v).wireValue();
      return add(rule, setter);
    }

    /**
     * An integer, within bounds where the model sets them.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param min the least value, or null for none
     * @param max the greatest value, or null for none
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> integer(String name, boolean required, Long min, Long max,
        BiConsumer<B, Long> setter) {
      Rule rule = rule(name, Field.Kind.INTEGER, required, min, max, List.of(), null);
      if (min != null || max != null) {
        long least = min == null ? Long.MIN_VALUE : min;
        long most = max == null ? Long.MAX_VALUE : max;
        String broken = "must be between " + least + " and " + most;
        rule.check = v -> ((Number) v).longValue() >= least && ((Number) v).longValue() <= most
            ? null : broken;
      }
      return add(rule, setter);
    }

    /**
     * An integer from a fixed set.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param allowed the values the model takes
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> integerOneOf(String name, boolean required, List<Long> allowed,
        BiConsumer<B, Long> setter) {
      Rule rule = rule(name, Field.Kind.INTEGER, required, null, null, allowed, null);
      String broken = "must be one of "
          + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
      rule.check = v -> allowed.contains(v) ? null : broken;
      return add(rule, setter);
    }

    /**
     * A finite number, within bounds where the model sets them.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param min the least value, or null for none
     * @param max the greatest value, or null for none
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> number(String name, boolean required, Double min, Double max,
        BiConsumer<B, Double> setter) {
      Rule rule = rule(name, Field.Kind.NUMBER, required, min, max, List.of(), null);
      // JSON has no NaN or infinity, so even a number without a range must be finite.
      double least = min == null ? -Double.MAX_VALUE : min;
      double most = max == null ? Double.MAX_VALUE : max;
      String broken = min == null && max == null ? "must be a finite number"
          : "must be between " + Texts.number(least) + " and " + Texts.number(most);
      rule.check = v -> ((Number) v).doubleValue() >= least
          && ((Number) v).doubleValue() <= most ? null : broken;
      return add(rule, setter);
    }

    /**
     * A boolean.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param setter the builder's setter
     * @return this declaration
     */
    public Declaration<I, B> bool(String name, boolean required, BiConsumer<B, Boolean> setter) {
      return add(rule(name, Field.Kind.BOOLEAN, required, null, null, List.of(), null), setter);
    }

    /**
     * One of an enum's constants, sent as its wire spelling.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param constants the enum's constants
     * @param wire each constant's wire spelling
     * @param schemaValues the values the schema lists, which the constants must match exactly
     * @param setter the builder's setter
     * @param <E> the enum
     * @return this declaration
     * @throws IllegalStateException if the enum and the schema disagree
     */
    public <E extends Enum<E>> Declaration<I, B> choice(String name, boolean required,
        E[] constants, Function<E, String> wire, List<String> schemaValues,
        BiConsumer<B, E> setter) {
      Map<String, Object> byWire = byWire(constants, wire);
      if (!List.copyOf(byWire.keySet()).equals(schemaValues)) {
        throw new IllegalStateException(model + " " + name + ": the schema lists "
            + schemaValues + " but the enum has " + byWire.keySet());
      }
      Rule rule = rule(name, Field.Kind.CHOICE, required, null, null, schemaValues, null);
      rule.constants = byWire;
      rule.toWire = v -> wire.apply(cast(constants, v));
      return add(rule, setter);
    }

    /**
     * A list of an enum's constants, sent as one string of their wire spellings joined by a
     * separator; it must name at least one item and hold no null.
     *
     * @param name the wire name
     * @param required whether the model has no default for it
     * @param constants the enum's constants
     * @param wire each constant's wire spelling
     * @param separator what joins them
     * @param item what one item is called in the rule, for example {@code class}
     * @param setter the builder's setter
     * @param <E> the enum
     * @return this declaration
     */
    public <E extends Enum<E>> Declaration<I, B> choiceList(String name, boolean required,
        E[] constants, Function<E, String> wire, String separator, String item,
        BiConsumer<B, List<E>> setter) {
      Map<String, Object> byWire = byWire(constants, wire);
      Rule rule = rule(name, Field.Kind.CHOICE_LIST, required, null, null,
          List.copyOf(byWire.keySet()), separator);
      rule.constants = byWire;
      rule.check = v -> ((List<?>) v).isEmpty() ? "must name at least one " + item
          : ((List<?>) v).contains(null) ? "must not contain null" : null;
      rule.toWire = v -> ((List<?>) v).stream().map(c -> wire.apply(cast(constants, c)))
          .collect(Collectors.joining(separator));
      return add(rule, setter);
    }

    /**
     * The value the model uses for a declared field when the input leaves it out. Only reported
     * (see {@link Field#defaultValue()}): a field left out is still not sent.
     *
     * @param name the wire name of a field declared before
     * @param value typed as the field's wire value: a Long for an integer, a Double for a number,
     *     a Boolean for a boolean, a String for text, an image URL, a choice or a joined choice list
     * @return this declaration
     * @throws IllegalStateException if no such field is declared or the value has another type
     */
    public Declaration<I, B> withDefault(String name, Object value) {
      Rule rule = rules.get(name);
      if (rule == null) {
        throw new IllegalStateException(model + " " + name
            + ": a default for a field not declared");
      }
      Field f = rule.field;
      Class<?> type = f.kind() == Field.Kind.INTEGER ? Long.class
          : f.kind() == Field.Kind.NUMBER ? Double.class
          : f.kind() == Field.Kind.BOOLEAN ? Boolean.class : String.class;
      if (!type.isInstance(value)) {
        throw new IllegalStateException(model + " " + name + ": the default " + value
            + " is not a " + type.getSimpleName());
      }
      rule.field = new Field(f.name(), f.kind(), f.required(), f.minimum(), f.maximum(),
          f.allowed(), f.separator(), Optional.of(value));
      return this;
    }

    /**
     * Ends the declaration.
     *
     * @return the spec
     */
    @SuppressWarnings("unchecked")
    public InputSpec<I> done() {
      return new InputSpec<>(model, Collections.unmodifiableMap(new LinkedHashMap<>(rules)),
          newBuilder, b -> build.apply((B) b));
    }

    private static Rule rule(String name, Field.Kind kind, boolean required, Number min,
        Number max, List<?> allowed, String separator) {
      return new Rule(new Field(name, kind, required, Optional.ofNullable(min),
          Optional.ofNullable(max), List.<Object>copyOf(allowed), Optional.ofNullable(separator),
          Optional.empty()));
    }

    @SuppressWarnings("unchecked")
    private <T> Declaration<I, B> add(Rule rule, BiConsumer<B, T> setter) {
      Objects.requireNonNull(setter, "setter");
      rule.setter = (b, v) -> setter.accept((B) b, (T) v);
      rules.put(rule.field.name(), rule);
      return this;
    }

    private static <E extends Enum<E>> Map<String, Object> byWire(E[] constants,
        Function<E, String> wire) {
      Map<String, Object> byWire = new LinkedHashMap<>();
      Arrays.stream(constants).forEach(c -> byWire.put(wire.apply(c), c));
      return Collections.unmodifiableMap(byWire);
    }

    private static <E extends Enum<E>> E cast(E[] constants, Object value) {
      return constants[0].getDeclaringClass().cast(value);
    }
  }

  /**
   * A field with what its builder and the text parser need besides its description: the setter,
   * the check of its rule and its wire form. Filled in while the spec is declared, never after.
   */
  static final class Rule {
    Field field;
    BiConsumer<Object, Object> setter;
    /** Wire spelling to enum constant, for a choice or choice list. */
    Map<String, Object> constants = Map.of();
    /** The broken rule in words, or null; the value is never null. */
    Function<Object, String> check = v -> null;
    Function<Object, Object> toWire = v -> v;

    Rule(Field field) {
      this.field = field;
    }
  }

  /**
   * One declared field, read-only: what a tool (a stub, a command line, a form) needs to know to
   * accept or produce its values.
   *
   * @param name the wire name, for example {@code num_outputs}
   * @param kind the kind of value
   * @param required whether the model has no default for it, so the input must set it
   * @param minimum the least value of a bounded integer or number (a Long or a Double), or empty
   *     if there is no lower bound
   * @param maximum the greatest value of a bounded integer or number (a Long or a Double), or
   *     empty if there is no upper bound
   * @param allowed the values allowed on the wire: the strings of a choice (or of each item of a
   *     choice list), or the Longs of an integer from a set; empty if any value of the kind is
   *     allowed
   * @param separator what joins the items of a {@link Kind#CHOICE_LIST}, or empty for other kinds
   * @param defaultValue the value the model uses when the input leaves this field out, as the
   *     schema states it: a Long, Double, Boolean or String (for a choice its wire value, for a
   *     choice list the joined string), or empty if the schema states none
   */
  public record Field(String name, Kind kind, boolean required, Optional<Number> minimum,
      Optional<Number> maximum, List<Object> allowed, Optional<String> separator,
      Optional<Object> defaultValue) {
    /** The kind of value a field takes. */
    public enum Kind {
      /** Any text. */
      TEXT,
      /** An image: a URL or data URI on the wire. */
      IMAGE,
      /** An integer, maybe bounded or from a set. */
      INTEGER,
      /** A finite number, maybe bounded. */
      NUMBER,
      /** {@code true} or {@code false}. */
      BOOLEAN,
      /** One of a fixed set of strings. */
      CHOICE,
      /** Several of a fixed set of strings, joined by a separator. */
      CHOICE_LIST
    }

    /** For example {@code num_outputs:INTEGER}, with {@code (required)} if it is. */
    @Override
    public String toString() {
      return name + ":" + kind + (required ? " (required)" : "");
    }
  }
}

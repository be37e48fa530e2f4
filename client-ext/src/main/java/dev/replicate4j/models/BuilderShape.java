package dev.replicate4j.models;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How one input class is built field by field, found once per class by reflection: its static
 * {@code builder()}, the builder's {@code build()}, and the setter of each wire field. See
 * {@link InputParser} for the conventions this relies on.
 */
final class BuilderShape {
  private static final ClassValue<BuilderShape> SHAPES = new ClassValue<>() {
    @Override
    protected BuilderShape computeValue(Class<?> inputType) {
      return inspect(inputType);
    }
  };

  private final Class<?> inputType;
  private final Method factory;
  private final Method build;
  private final Map<String, Setter> setters;

  private BuilderShape(Class<?> inputType, Method factory, Method build,
      Map<String, Setter> setters) {
    this.inputType = inputType;
    this.factory = factory;
    this.build = build;
    this.setters = setters;
  }

  /**
   * The shape of an input class.
   *
   * @throws IllegalArgumentException if the class does not follow the builder conventions
   */
  static BuilderShape of(Class<?> inputType) {
    return SHAPES.get(inputType);
  }

  /** The wire field names: schema order for this package's inputs, alphabetical otherwise. */
  List<String> fieldNames() {
    return List.copyOf(setters.keySet());
  }

  /** The setter of a wire field, or null if the input has no such field. */
  Setter setter(String field) {
    return setters.get(field);
  }

  Object newBuilder() {
    return call(inputType, factory, null);
  }

  /** Runs the builder's own {@code build()}, with its checks. */
  Object build(Object builder) {
    return call(inputType, build, builder);
  }

  /** The text {@code a, b, c} listing the wire field names. */
  String fieldList() {
    return String.join(", ", setters.keySet());
  }

  private static BuilderShape inspect(Class<?> inputType) {
    String type = inputType.getName();
    Method factory;
    Method build;
    try {
      factory = inputType.getMethod("builder");
      if (!Modifier.isStatic(factory.getModifiers())) {
        throw new NoSuchMethodException("builder() is not static");
      }
      build = factory.getReturnType().getMethod("build");
    } catch (NoSuchMethodException e) {
      throw unconventional(type, "it needs a public static builder() whose result has a public "
          + "build(): " + e.getMessage());
    }
    Class<?> builderType = factory.getReturnType();
    if (!inputType.isAssignableFrom(build.getReturnType())) {
      throw unconventional(type, builderType.getName() + ".build() returns "
          + build.getReturnType().getName() + ", not " + type);
    }
    for (Class<?> c = builderType; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        throw unconventional(type, c.getName() + " is not public");
      }
    }
    Map<String, List<Method>> byName = new TreeMap<>();
    for (Method method : builderType.getMethods()) {
      if (method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())
          && !method.isBridge() && !method.isSynthetic()
          && method.getDeclaringClass() != Object.class) {
        byName.computeIfAbsent(method.getName(), k -> new ArrayList<>()).add(method);
      }
    }
    Map<String, Setter> setters = new LinkedHashMap<>();
    InputSchema schema = InputSchema.declaredBy(inputType).orElse(null);
    if (schema != null) {
      // This package's inputs: the schema is the list of fields, and each must have a setter.
      for (String field : schema.fieldNames()) {
        List<Method> candidates = byName.get(camelCase(field));
        if (candidates == null) {
          throw new IllegalStateException(type + " declares the input " + field
              + " but its builder has no method " + camelCase(field) + "(...)");
        }
        setters.put(field, Setter.choose(type, field, candidates));
      }
    } else {
      // Anyone else's: every public one-argument builder method is a field.
      Map<String, Setter> sorted = new TreeMap<>();
      byName.forEach((name, candidates) -> sorted.put(snakeCase(name),
          Setter.choose(type, snakeCase(name), candidates)));
      setters.putAll(sorted);
    }
    return new BuilderShape(inputType, factory, build, Collections.unmodifiableMap(setters));
  }

  /** {@code num_outputs} to {@code numOutputs}. */
  static String camelCase(String field) {
    StringBuilder name = new StringBuilder(field.length());
    boolean upper = false;
    for (char c : field.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** {@code numOutputs} to {@code num_outputs}. */
  static String snakeCase(String method) {
    StringBuilder field = new StringBuilder(method.length() + 4);
    for (char c : method.toCharArray()) {
      if (Character.isUpperCase(c)) {
        field.append('_').append(Character.toLowerCase(c));
      } else {
        field.append(c);
      }
    }
    return field.toString();
  }

  private static IllegalArgumentException unconventional(String type, String problem) {
    return new IllegalArgumentException(type + " cannot be built from text: " + problem
        + " (see Model.parseInput for the builder conventions)");
  }

  /** Invokes, letting the callee's own unchecked exceptions through unwrapped. */
  private static Object call(Class<?> inputType, Method method, Object target,
      Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new UndeclaredThrowableException(cause,
          inputType.getName() + ": " + method.getName() + " threw " + cause);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      // Reflection itself failed (not the method): a breach of the conventions or a bug here.
      throw new IllegalStateException("Cannot call " + method + " for " + inputType.getName()
          + ": " + e, e);
    }
  }

  /** The one method that sets a field from converted text, or why there is none. */
  static final class Setter {
    private final Method method;
    private final String unsupported;

    private Setter(Method method, String unsupported) {
      this.method = method;
      this.unsupported = unsupported;
    }

    /**
     * Among a field's public one-argument methods, the one (not varargs) whose parameter type
     * text converts to. Several such methods are a convention breach; none is a field that can
     * only be set in code, reported when used.
     */
    static Setter choose(String type, String field, List<Method> candidates) {
      List<Method> usable = candidates.stream()
          .filter(m -> !m.isVarArgs() && TextValues.supports(m.getGenericParameterTypes()[0]))
          .collect(Collectors.toList());
      if (usable.size() > 1) {
        throw unconventional(type, "the input " + field + " has " + usable.size()
            + " setters that take text-convertible types (" + parameterTypes(usable)
            + "); keep one");
      }
      if (usable.size() == 1) {
        return new Setter(usable.get(0), null);
      }
      return new Setter(null, "cannot be given as text: its setter takes "
          + parameterTypes(candidates) + "; set it in code");
    }

    private static String parameterTypes(List<Method> methods) {
      // Sorted: reflection lists methods in no fixed order.
      return methods.stream().map(m -> m.getGenericParameterTypes()[0].getTypeName()).sorted()
          .collect(Collectors.joining(", "));
    }

    /** Why the field cannot be set from text, or null if it can. */
    String unsupported() {
      return unsupported;
    }

    /** The type to convert text to. */
    Type type() {
      return method.getGenericParameterTypes()[0];
    }

    void apply(Object builder, Object value) {
      call(method.getDeclaringClass(), method, builder, value);
    }
  }
}

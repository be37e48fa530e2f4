package dev.replicate4j.stub.junit;

import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.StubRelayBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts a {@link StubRelay} on a free loopback port before each test (or
 * once per class) and closes it afterwards. Test and lifecycle methods get it, and anything
 * registered with {@link #resolving}, as parameters.
 *
 * <pre>{@code
 * @ExtendWith(StubRelayExtension.class)              // a default stub per test
 * class MyTest {
 *   @Test void runs(StubRelay stub) { ... stub.baseUrl() ... }
 * }
 *
 * class MyOtherTest {                                 // configured, shared by the class
 *   @RegisterExtension
 *   static final StubRelayExtension STUB = StubRelayExtension.create()
 *       .configure(b -> b.schedule(Schedule.of(Duration.ZERO, Duration.ofMillis(100))))
 *       .resolving(MyClient.class, stub -> new MyClient(stub.baseUrl(), stub.apiKey()))
 *       .perClass();
 * }
 * }</pre>
 */
public final class StubRelayExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StubRelayExtension.class);
  private static final String STUB = "stub";
  /** The extension that started the stub under {@link #STUB}. */
  private static final String OWNER = "owner";

  private final Consumer<StubRelayBuilder> configuration;
  private final boolean perClass;
  private final Map<Class<?>, Function<StubRelay, ?>> resolvers;

  /** A default stub per test; the form {@code @ExtendWith(StubRelayExtension.class)} uses. */
  public StubRelayExtension() {
    this(builder -> { }, false, Map.of(StubRelay.class, stub -> stub));
  }

  private StubRelayExtension(Consumer<StubRelayBuilder> configuration, boolean perClass,
      Map<Class<?>, Function<StubRelay, ?>> resolvers) {
    this.configuration = configuration;
    this.perClass = perClass;
    this.resolvers = resolvers;
  }

  /**
   * A default stub per test, to configure further and register with {@code @RegisterExtension}.
   *
   * @return the extension
   */
  public static StubRelayExtension create() {
    return new StubRelayExtension();
  }

  /**
   * Adds configuration applied to every stub this extension builds.
   *
   * @param configuration changes to the builder
   * @return a new extension with the configuration added
   */
  public StubRelayExtension configure(Consumer<StubRelayBuilder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return new StubRelayExtension(this.configuration.andThen(configuration), perClass, resolvers);
  }

  /**
   * One stub for all tests of the class and of its {@code @Nested} classes, started before
   * {@code @BeforeAll}. Register the extension in a static field.
   *
   * @return a new extension that shares its stub across the class
   */
  public StubRelayExtension perClass() {
    return new StubRelayExtension(configuration, true, resolvers);
  }

  /**
   * Lets tests take a parameter of another type made from the stub, for example a client pointed
   * at it. Each parameter gets a fresh object; objects that are {@link AutoCloseable} are closed
   * when the test (or class, for lifecycle methods) ends, before the stub.
   *
   * @param type the parameter type
   * @param factory makes the object from the running stub
   * @param <T> the type
   * @return a new extension that also resolves {@code type}
   */
  public <T> StubRelayExtension resolving(Class<T> type, Function<StubRelay, ? extends T> factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    Map<Class<?>, Function<StubRelay, ?>> more = new LinkedHashMap<>(resolvers);
    more.put(type, factory);
    return new StubRelayExtension(configuration, perClass, more);
  }

  /**
   * Starts the class's stub when the extension is {@link #perClass()}; a {@code @Nested} class
   * shares the stub this extension started for its enclosing class.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    // Store lookups fall back to the enclosing contexts, so a nested class finds its outer
    // class's stub here; without this check it would get a fresh one, without the outer state.
    if (perClass && context.getStore(NAMESPACE).get(OWNER) != this) {
      open(context);
    }
  }

  /** Closes what was made for the class: objects resolved for lifecycle methods, its stub. */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close(context);
  }

  /** Starts the test's stub unless the extension is {@link #perClass()}. */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      open(context);
    }
  }

  /** Closes what was made for the test: resolved objects, then its own stub. */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    close(context);
  }

  /** True for {@link StubRelay} and every type registered with {@link #resolving}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return resolvers.containsKey(parameter.getParameter().getType());
  }

  /** The running stub, or an object made from it by the registered factory. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Store lookups fall back to the enclosing contexts: a test method sees its class's stub.
    StubRelay stub = context.getStore(NAMESPACE).get(STUB, StubRelay.class);
    if (stub == null) {
      throw new ParameterResolutionException("No stub relay is running for "
          + context.getDisplayName() + ": a per-test stub is not available in @BeforeAll or "
          + "@AfterAll methods; use StubRelayExtension.create().perClass() for those");
    }
    Object value = resolvers.get(parameter.getParameter().getType()).apply(stub);
    if (value instanceof AutoCloseable && value != stub) {
      resources(context).add((AutoCloseable) value);
    }
    return value;
  }

  private void open(ExtensionContext context) {
    StubRelayBuilder builder = StubRelay.builder();
    configuration.accept(builder);
    context.getStore(NAMESPACE).put(STUB, builder.build().start());
    context.getStore(NAMESPACE).put(OWNER, this);
  }

  /**
   * Closes what was made for this context: its resolved objects, newest first, then its stub if
   * it started one. {@code Store.remove} only touches this context, never the enclosing ones.
   */
  private static void close(ExtensionContext context) throws Exception {
    Exception failure = null;
    List<?> resources = context.getStore(NAMESPACE).remove(resourcesKey(context), List.class);
    if (resources != null) {
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          ((AutoCloseable) resources.get(i)).close();
        } catch (Exception e) {
          failure = add(failure, e);
        }
      }
    }
    context.getStore(NAMESPACE).remove(OWNER);
    StubRelay stub = context.getStore(NAMESPACE).remove(STUB, StubRelay.class);
    if (stub != null) {
      try {
        stub.close();
      } catch (RuntimeException e) {
        failure = add(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<AutoCloseable> resources(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    List<AutoCloseable> list = store.get(resourcesKey(context), List.class);
    if (list == null) {
      list = new ArrayList<>();
      store.put(resourcesKey(context), list);
    }
    return list;
  }

  /** Keyed by context id so that a test never picks up its class's list. */
  private static String resourcesKey(ExtensionContext context) {
    return "resources:" + context.getUniqueId();
  }

  private static Exception add(Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}

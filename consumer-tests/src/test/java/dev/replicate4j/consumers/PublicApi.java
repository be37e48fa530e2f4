package dev.replicate4j.consumers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one published jar as sorted text, one line per type and per member that a user
 * can reach: public types of exported packages (all packages of a jar without a module-info), their
 * public members, and the protected ones of classes a user can extend.
 */
final class PublicApi {
  private PublicApi() {}

  /** The API of the jar or classes folder that holds {@code anchor}. */
  static List<String> of(Class<?> anchor) {
    Path location = locationOf(anchor);
    List<String> classNames = classNames(location);
    Set<String> exported = exportedPackages(location);
    Set<String> lines = new TreeSet<>();
    for (String name : classNames) {
      Class<?> type;
      try {
        type = Class.forName(name, false, anchor.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("Cannot load " + name + " from " + location, e);
      }
      if (exported != null && !exported.contains(type.getPackageName())) {
        continue;
      }
      if (!reachable(type)) {
        continue;
      }
      String typeLine = describe(type);
      lines.add(typeLine);
      boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum()
          && !type.isRecord() && hasReachableConstructor(type);
      for (Field field : type.getDeclaredFields()) {
        if (visible(field, extensible) && !field.isSynthetic()) {
          lines.add(typeLine + " | field " + field.toGenericString());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor, extensible) && !constructor.isSynthetic()) {
          lines.add(typeLine + " | " + executable(constructor));
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method, extensible) && !method.isSynthetic() && !method.isBridge()) {
          lines.add(typeLine + " | " + executable(method));
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static String describe(Class<?> type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    StringBuilder line = new StringBuilder(Modifier.toString(type.getModifiers()
        & (type.isInterface() ? Modifier.PUBLIC : Modifier.classModifiers())))
        .append(' ').append(kind).append(' ').append(type.getTypeName());
    if (type.getGenericSuperclass() != null && !type.isEnum() && !type.isRecord()
        && type.getSuperclass() != Object.class) {
      line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(
          type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName)
          .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String executable(Executable executable) {
    // toGenericString names parameter types, return type, modifiers and throws clause.
    return executable.toGenericString().replace(executable.getDeclaringClass().getTypeName() + ".", "");
  }

  private static boolean reachable(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()
          || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Member member, boolean extensible) {
    int modifiers = member.getModifiers();
    return Modifier.isPublic(modifiers) || (extensible && Modifier.isProtected(modifiers));
  }

  private static boolean hasReachableConstructor(Class<?> type) {
    return Stream.of(type.getDeclaredConstructors())
        .anyMatch(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
  }

  private static Path locationOf(Class<?> anchor) {
    try {
      return Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classNames(Path location) {
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          return files.map(location::relativize).map(Path::toString)
              .filter(PublicApi::isClassFile).map(PublicApi::className).sorted()
              .collect(Collectors.toList());
        }
      }
      try (JarFile jar = new JarFile(location.toFile())) {
        return jar.stream().map(JarEntry::getName).filter(PublicApi::isClassFile)
            .filter(name -> !name.startsWith("META-INF/")).map(PublicApi::className).sorted()
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packages the module-info exports, or null when there is no module-info. */
  private static Set<String> exportedPackages(Path location) {
    try (InputStream in = Files.isDirectory(location)
        ? (Files.exists(location.resolve("module-info.class"))
            ? Files.newInputStream(location.resolve("module-info.class")) : null)
        : moduleInfoInJar(location)) {
      if (in == null) {
        return null;
      }
      return ModuleDescriptor.read(in).exports().stream()
          .filter(export -> !export.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream moduleInfoInJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry("module-info.class");
      return entry == null ? null
          : new java.io.ByteArrayInputStream(file.getInputStream(entry).readAllBytes());
    }
  }

  private static boolean isClassFile(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class")
        && !name.endsWith("package-info.class");
  }

  private static String className(String file) {
    return file.substring(0, file.length() - ".class".length()).replace('/', '.').replace('\\', '.');
  }
}

package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathCheckTest {
  @TempDir Path dir;

  @Test
  void theBuildsOwnClasspathPasses() {
    assertThat(ClasspathCheck.problem(ClasspathCheck.class.getClassLoader())).isNull();
  }

  @Test
  void noOkHttpAtAllIsNamed() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThat(ClasspathCheck.problem(empty))
          .startsWith("replicate4j needs OkHttp " + BuildInfo.CURRENT.okhttpVersion + " (5.x), but found none.")
          .contains("Import dev.replicate4j:replicate4j-bom:" + BuildInfo.CURRENT.version);
    }
  }

  @Test
  void twoCopiesOfOkHttpAreNamedByJar() throws Exception {
    Path okhttp = jarOf(OkHttpClient.class);
    Path first = Files.copy(okhttp, dir.resolve("okhttp-4.12.0.jar"));
    Path second = Files.copy(okhttp, dir.resolve("okhttp-jvm-5.5.1.jar"));
    try (URLClassLoader two = new URLClassLoader(
        new URL[] {first.toUri().toURL(), second.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThat(ClasspathCheck.problem(two))
          .startsWith("replicate4j needs one OkHttp " + BuildInfo.CURRENT.okhttpVersion
              + " on the classpath, but found 2 copies: okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar.");
    }
  }

  @Test
  void anOkioWithoutSocketsIsNamed() throws Exception {
    Path kotlin = jarOf(kotlin.KotlinVersion.class);
    try (URLClassLoader noOkio = new URLClassLoader(
        new URL[] {jarOf(OkHttpClient.class).toUri().toURL(), kotlin.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      assertThat(ClasspathCheck.problem(noOkio))
          .startsWith("replicate4j needs Okio " + BuildInfo.CURRENT.okioVersion + " or newer");
    }
  }

  @Test
  void jarNamesComeFromResourceUrls() {
    assertThat(ClasspathCheck.jarName(
        "jar:file:/repo/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class", "okhttp3/OkHttpClient.class"))
        .isEqualTo("okhttp-4.12.0.jar");
    assertThat(ClasspathCheck.jarName("file:/build/classes/okhttp3/OkHttpClient.class",
        "okhttp3/OkHttpClient.class")).isEqualTo("classes");
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}

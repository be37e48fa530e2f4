package dev.replicate4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this jar was built with: the SDK's version and the OkHttp and Okio it was tested on. */
final class BuildInfo {
  static final BuildInfo CURRENT = load();

  final String version;
  final String okhttpVersion;
  final String okioVersion;

  private BuildInfo(Properties properties) {
    this.version = properties.getProperty("version");
    this.okhttpVersion = properties.getProperty("okhttp.version");
    this.okioVersion = properties.getProperty("okio.version");
  }

  private static BuildInfo load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/replicate4j/version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return new BuildInfo(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

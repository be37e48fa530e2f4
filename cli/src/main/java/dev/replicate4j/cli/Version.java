package dev.replicate4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version, written into the jar by the build. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("cli.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/replicate4j/cli/cli.properties is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {"replicate4j " + properties.getProperty("version"),
        "Java " + System.getProperty("java.version")};
  }
}

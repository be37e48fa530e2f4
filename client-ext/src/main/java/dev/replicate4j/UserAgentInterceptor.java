package dev.replicate4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Names the SDK, its version and the Java runtime in every request's User-Agent. */
final class UserAgentInterceptor implements Interceptor {
  static final String SDK_VERSION = readVersion();
  static final String USER_AGENT = "replicate4j/" + SDK_VERSION + " Java/"
      + System.getProperty("java.version") + " (" + System.getProperty("os.name") + "; "
      + System.getProperty("os.arch") + ")";

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  private static String readVersion() {
    try (InputStream in = UserAgentInterceptor.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/replicate4j/version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

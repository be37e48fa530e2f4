package dev.replicate4j;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lengthens the read timeout of a request sent with {@code Prefer: wait=N} to N seconds plus a margin,
 * so the client does not give up while the server is still holding the response on purpose.
 */
final class PreferWaitTimeout implements Interceptor {
  static final Duration MARGIN = Duration.ofSeconds(10);
  private static final Pattern WAIT = Pattern.compile("wait(?:=(\\d+))?");

  @Override
  public Response intercept(Chain chain) throws IOException {
    String prefer = chain.request().header("Prefer");
    if (prefer != null) {
      Matcher m = WAIT.matcher(prefer.trim());
      if (m.matches()) {
        long seconds = m.group(1) == null ? 60 : Long.parseLong(m.group(1));
        long needed = Duration.ofSeconds(seconds).plus(MARGIN).toMillis();
        if (needed > chain.readTimeoutMillis()) {
          return chain.withReadTimeout((int) needed, TimeUnit.MILLISECONDS)
              .proceed(chain.request());
        }
      }
    }
    return chain.proceed(chain.request());
  }
}

package dev.replicate4j;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request line and its outcome at debug level. Headers and bodies are never logged, so the
 * API key cannot leak through logs.
 */
final class RequestLogger implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.replicate4j.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String line = request.method() + " " + loggable(request.url());
    long start = System.nanoTime();
    log.debug("--> {}", line);
    try {
      Response response = chain.proceed(request);
      log.debug("<-- {} {} ({} ms)", response.code(), line,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return response;
    } catch (IOException e) {
      log.debug("<-- failed {}: {}", line, e.toString());
      throw e;
    }
  }

  /**
   * The URL without credentials, query or fragment, but with its path: the path holds only the
   * prediction id, which is what a reader of the logs needs ({@code HttpUrl.redact()} drops it).
   */
  static String loggable(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build()
        .toString();
  }
}

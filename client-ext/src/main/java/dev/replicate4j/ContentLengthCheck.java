package dev.replicate4j;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Refuses an answer whose {@code Content-Length} is not a length (negative, or not a number) as a
 * protocol failure, on each network hop: OkHttp would read it as a negative byte count and throw
 * an {@code IllegalArgumentException} from deep in the body's read, outside every I/O path. The
 * call is cancelled with it (not retried): the same server would say the same again.
 */
final class ContentLengthCheck implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Headers headers = response.headers();
    // By index: every answer passes here, and a lookup by name would build a list each time.
    for (int i = 0; i < headers.size(); i++) {
      String declared = headers.value(i);
      if (headers.name(i).equalsIgnoreCase("Content-Length") && !isLength(declared)) {
        ProtocolException invalid = new ProtocolException("HTTP " + response.code()
            + " with an invalid Content-Length: " + MessageText.abbreviate(declared, 40));
        // Closing reads the rest of the body, with the same negative count: drop the socket
        // first so that the connection is never used again, and keep what closing threw.
        chain.call().cancel();
        try {
          response.close();
        } catch (RuntimeException e) {
          invalid.addSuppressed(e);
        }
        throw invalid;
      }
    }
    return response;
  }

  private static boolean isLength(String text) {
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > 18) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

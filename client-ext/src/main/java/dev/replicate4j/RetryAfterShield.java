package dev.replicate4j;

import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp's own follow-up logic away from {@code Retry-After}. On a 503 with
 * {@code Retry-After: 0} OkHttp silently sends the request again, a create included (a second,
 * billed prediction), and a value beyond {@code Integer.MAX_VALUE} seconds on a 408 or 503 makes
 * it throw a {@code NumberFormatException} out of the call. So the header is moved aside on each
 * network hop ({@link #hide()}) and put back once OkHttp has decided ({@link #restore()}), for the
 * SDK's own retry rules and for the exception's headers.
 */
final class RetryAfterShield {
  private static final String RETRY_AFTER = "Retry-After";
  private static final String ASIDE = "X-Replicate4j-Retry-After";

  private RetryAfterShield() {}

  /** A network interceptor: the header of a 408 or 503 under another name. */
  static Interceptor hide() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      int code = response.code();
      return code == 408 || code == 503 ? rename(response, RETRY_AFTER, ASIDE) : response;
    };
  }

  /**
   * An application interceptor, so outside OkHttp's follow-ups and inside the SDK's retries: the
   * header back.
   */
  static Interceptor restore() {
    return chain -> rename(chain.proceed(chain.request()), ASIDE, RETRY_AFTER);
  }

  private static Response rename(Response response, String from, String to) {
    if (response.header(from) == null) {
      return response; // the usual case, without building a list of values
    }
    List<String> values = response.headers(from);
    Response.Builder renamed = response.newBuilder().removeHeader(from);
    values.forEach(value -> renamed.addHeader(to, value));
    return renamed.build();
  }
}

package dev.replicate4j;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the bearer token to requests for the configured host only. Installed as a network
 * interceptor, so it also sees each redirect hop: a hop to any other host goes without the token.
 */
final class AuthInterceptor implements Interceptor {
  private final HttpUrl apiBase;
  private final String authorization;

  AuthInterceptor(HttpUrl apiBase, String apiKey) {
    this.apiBase = apiBase;
    this.authorization = "Bearer " + apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    boolean sameOrigin = url.scheme().equals(apiBase.scheme()) && url.host().equals(apiBase.host())
        && url.port() == apiBase.port();
    Request.Builder builder = request.newBuilder().removeHeader("Authorization");
    if (sameOrigin) {
      builder.header("Authorization", authorization);
    }
    return chain.proceed(builder.build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor{host=" + apiBase.host() + ", token=<redacted>}";
  }
}

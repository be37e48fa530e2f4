package dev.replicate4j;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sets the SDK's headers on each network hop, redirects included: its User-Agent always, and the
 * bearer token only towards the API's own origin (a hop to any other origin goes without one). Both
 * in one copy of the request, since every poll passes through here.
 *
 * <p>For the API, a redirect that would carry a request body (a create's input, which may hold
 * images) to another origin is refused once connected, before any byte of it is written there.
 */
final class HopHeaders implements Interceptor {
  static final String SDK_VERSION = BuildInfo.CURRENT.version;
  static final String USER_AGENT = "replicate4j/" + SDK_VERSION + " Java/"
      + System.getProperty("java.version") + " (" + System.getProperty("os.name") + "; "
      + System.getProperty("os.arch") + ")";

  private final HttpUrl apiBase;
  private final String authorization;

  private HopHeaders(HttpUrl apiBase, String authorization) {
    this.apiBase = apiBase;
    this.authorization = authorization;
  }

  /** For the API client: the token goes to {@code apiBase}'s scheme, host and port only. */
  static HopHeaders forApi(HttpUrl apiBase, String apiKey) {
    return new HopHeaders(apiBase, "Bearer " + apiKey);
  }

  /** For downloads: never a token. */
  static HopHeaders withoutToken() {
    return new HopHeaders(null, null);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (apiBase != null && request.body() != null && !isApiOrigin(request.url())) {
      throw new CrossOriginRedirect(request, apiBase);
    }
    Request.Builder builder = request.newBuilder().header("User-Agent", USER_AGENT);
    if (isApiOrigin(request.url())) {
      builder.header("Authorization", authorization);
    } else {
      builder.removeHeader("Authorization");
    }
    return chain.proceed(builder.build());
  }

  /**
   * A redirect of a request with a body to another origin, refused. A {@link ProtocolException}
   * because OkHttp never recovers from one by sending again.
   */
  static final class CrossOriginRedirect extends ProtocolException {
    private static final long serialVersionUID = 1L;

    CrossOriginRedirect(Request request, HttpUrl apiBase) {
      super("refused to follow a redirect of " + request.method() + " to "
          + request.url().scheme() + "://" + request.url().host() + ":" + request.url().port()
          + ", another origin than the API's (" + apiBase.scheme() + "://" + apiBase.host() + ":"
          + apiBase.port() + "): its body would go there");
    }
  }

  private boolean isApiOrigin(HttpUrl url) {
    return apiBase != null && url.scheme().equals(apiBase.scheme())
        && url.host().equals(apiBase.host()) && url.port() == apiBase.port();
  }

  @Override
  public String toString() {
    return "HopHeaders{host=" + (apiBase == null ? "(none)" : apiBase.host())
        + ", token=<redacted>}";
  }
}

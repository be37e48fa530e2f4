package dev.replicate4j;

import okhttp3.HttpUrl;

/** Checks and normalises the configured base URL. */
final class BaseUrls {
  private BaseUrls() {}

  /** The URL without credentials or query, safe to print. */
  static String redacted(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
  }

  static HttpUrl parse(String text) {
    String trimmed = text.trim();
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      throw new IllegalArgumentException(
          "Base URL is not an http(s) URL: '" + trimmed + "' (expected e.g. "
              + ReplicateClient.DEFAULT_BASE_URL + ")");
    }
    if (!url.isHttps() && !Hosts.isLoopback(url.host())) {
      throw new IllegalArgumentException("Base URL must use https: '" + redacted(url)
          + "' (plain http is allowed only for loopback hosts such as 127.0.0.1 or localhost)");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("Base URL must not have a query or fragment: '"
          + redacted(url) + "?...'");
    }
    if (url.username().length() > 0 || url.password().length() > 0) {
      throw new IllegalArgumentException(
          "Base URL must not carry credentials; pass the API key with apiKey(...)");
    }
    String path = url.encodedPath();
    // A trailing /replicate/v1 is the API prefix itself; the generated paths already include it.
    if (path.endsWith("/replicate/v1") || path.endsWith("/replicate/v1/")) {
      path = path.substring(0, path.lastIndexOf("/replicate/v1"));
    }
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return url.newBuilder().encodedPath(path).build();
  }
}

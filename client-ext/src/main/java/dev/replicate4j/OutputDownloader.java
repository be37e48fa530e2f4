package dev.replicate4j;

import dev.replicate4j.models.FileDownloader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches output files over the client's download connection, which carries no API key: output
 * links point at file hosts, never at the API. Files are saved byte for byte as sent.
 */
final class OutputDownloader implements FileDownloader {
  private final OkHttpClient http;

  OutputDownloader(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public InputStream open(String uri) throws IOException {
    HttpUrl url = HttpUrl.parse(uri);
    if (url == null) {
      throw new IOException("Output link is not an http(s) URL: " + uri);
    }
    Response response;
    try {
      // The file as the host stores it: asked for identity, OkHttp does not inflate a gzip answer,
      // so a small compressed body cannot become a huge file (images and videos gain nothing).
      response = http.newCall(new Request.Builder().url(url).get()
          .header("Accept-Encoding", "identity").build()).execute();
    } catch (DownloadGuard.Refused e) {
      throw new DownloadRefusedException(e.getMessage());
    }
    if (!response.isSuccessful()) {
      int code = response.code();
      response.close();
      throw new IOException("Downloading " + url.redact() + " failed with HTTP " + code
          + (code == 403 || code == 404 || code == 410
              ? " (output links expire about an hour after the prediction)" : ""));
    }
    return new FilterInputStream(response.body().byteStream()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          response.close();
        }
      }
    };
  }
}

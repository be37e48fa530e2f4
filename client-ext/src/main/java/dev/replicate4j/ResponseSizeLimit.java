package dev.replicate4j;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Refuses an API answer larger than the client's {@code maxResponseBytes}, on each network hop, so
 * that a server sending without end fills no more memory than that. A declared
 * {@code Content-Length} is judged at once (OkHttp reads no more than it declares); a body without
 * one (chunked, or ended by closing the connection) is counted as it is read. Either way the call
 * is cancelled with the failure (not retried: the same server would send the same again).
 *
 * <p>A gzip answer OkHttp inflates itself is judged again after inflating, by the instance from
 * {@link #inflated}, an application interceptor: a few kilobytes on the wire can inflate to
 * gigabytes in memory.
 */
final class ResponseSizeLimit implements Interceptor {
  private final long maxBytes;
  /** Whether only bodies OkHttp inflated are judged (as an application interceptor). */
  private final boolean inflatedOnly;

  /** The network interceptor: judges each hop's body as it arrives. */
  ResponseSizeLimit(long maxBytes) {
    this(maxBytes, false);
  }

  private ResponseSizeLimit(long maxBytes, boolean inflatedOnly) {
    this.maxBytes = maxBytes;
    this.inflatedOnly = inflatedOnly;
  }

  /** The application interceptor: judges the body OkHttp inflated, by its inflated size. */
  static ResponseSizeLimit inflated(long maxBytes) {
    return new ResponseSizeLimit(maxBytes, true);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (inflatedOnly && !inflatedByOkHttp(response)) {
      return response; // judged as it arrived, by the network interceptor
    }
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > maxBytes) {
      ProtocolException tooLarge = tooLarge(response.code(), declared + " bytes");
      chain.call().cancel();
      response.close();
      throw tooLarge;
    }
    if (declared >= 0) {
      return response; // the usual case: nothing to wrap
    }
    return response.newBuilder().body(counted(body, response.code(), chain.call())).build();
  }

  /** OkHttp removes the encoding it undid (transparent gzip) from the answer it returns. */
  private static boolean inflatedByOkHttp(Response response) {
    Response network = response.networkResponse();
    return network != null && network.header("Content-Encoding") != null
        && response.header("Content-Encoding") == null;
  }

  private ResponseBody counted(ResponseBody body, int code, Call call) {
    String size = "more than " + maxBytes + " bytes "
        + (inflatedOnly ? "once inflated" : "and still sending");
    ForwardingSource counting = new ForwardingSource(body.source()) {
      private long total;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read > 0) {
          total += read;
          if (total > maxBytes) {
            call.cancel();
            throw tooLarge(code, size);
          }
        }
        return read;
      }
    };
    return ResponseBody.create(Okio.buffer(counting), body.contentType(), -1);
  }

  private ProtocolException tooLarge(int code, String size) {
    return new ProtocolException("HTTP " + code + " with a body of " + size + ", beyond the"
        + " client's limit of " + maxBytes + " bytes for an API answer (maxResponseBytes)");
  }
}

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
 */
final class ResponseSizeLimit implements Interceptor {
  private final long maxBytes;

  ResponseSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
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

  private ResponseBody counted(ResponseBody body, int code, Call call) {
    ForwardingSource counting = new ForwardingSource(body.source()) {
      private long total;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read > 0) {
          total += read;
          if (total > maxBytes) {
            call.cancel();
            throw tooLarge(code, "more than " + maxBytes + " bytes and still sending");
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

package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw OkHttp calls to a stub relay over loopback, as a client would make them. */
final class StubHttp implements AutoCloseable {
  static final String SD = "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4";
  static final String SDXL = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc";
  static final String INPAINTING = "95b7223104132402a9ae91cc677285bc5eb997834bd2349fa486f53910fd68b3";
  static final String IMG2IMG = "15a3689ee13b0d2616e98820eca31d4c3abcd36672df6afce5cb6feb1d66087d";
  static final String FLUX_SCHNELL = "2a6b576af31790b470f0a8442e1e9791213fa13799cbb65a9fc1436e96389574";
  static final String FLUX_DEV = "091495765fa5ef2725a175a57b276ec30dc9d39c22d30410f2ede68a3eab66b3";
  static final String ANIMATION = "ca1f5e306e5721e19c473e0d094e6603f0456fe759c10715fcd6c1b79242d4a5";
  static final String ANIMATE_DIFF = "beecf59c4aee8d81bf04f0381033dfa10dc16e845b4ae00d281e2fa377e48a9f";
  static final String OBJECT_REMOVAL = "153b0087c2576ad30d8cbddb35275b387d1a6bf986bda5499948f843f6460faf";
  static final String REMBG = "fb8af171cfa1616ddcf1242c093f9c46bcada5ad4cf6f2fbe8b81b330ec5c003";
  static final String IMAGE = "https://example.com/in.png";

  private static final MediaType JSON = MediaType.get("application/json");
  private static final Moshi MOSHI = new Moshi.Builder().build();

  final StubRelay stub;
  final OkHttpClient client;

  StubHttp(StubRelay stub) {
    this(stub, new OkHttpClient.Builder()
        // Off so that a dropped connection shows as an error instead of a silent resend.
        .retryOnConnectionFailure(false)
        .readTimeout(Duration.ofSeconds(70))
        .build());
  }

  StubHttp(StubRelay stub, OkHttpClient client) {
    this.stub = stub;
    this.client = client;
  }

  /** What came back. */
  static final class Reply {
    final int code;
    final Headers headers;
    final String body;

    Reply(int code, Headers headers, String body) {
      this.code = code;
      this.headers = headers;
      this.body = body;
    }

    Map<String, Object> json() {
      return StubHttp.json(body);
    }

    String contentType() {
      return headers.get("Content-Type");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    try {
      return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(Object value) {
    return MOSHI.adapter(Object.class).toJson(value);
  }

  Request.Builder api(String pathAndQuery) {
    return new Request.Builder()
        .url(stub.baseUrl() + "/replicate/v1/predictions" + pathAndQuery)
        .header("Authorization", "Bearer " + stub.apiKey());
  }

  Reply create(String version, Map<String, Object> input, String... headerPairs) {
    return createRaw(toJson(Map.of("version", version, "input", input)), headerPairs);
  }

  Reply createRaw(String body, String... headerPairs) {
    Request.Builder request = api("").post(RequestBody.create(body, JSON));
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
    }
    return call(request.build());
  }

  /** Creates and returns the new prediction's id, failing the test if the create failed. */
  String createId(String version, Map<String, Object> input, String... headerPairs) {
    Reply reply = create(version, input, headerPairs);
    if (reply.code != 200) {
      fail("create answered " + reply.code + ": " + reply.body);
    }
    return (String) reply.json().get("id");
  }

  Reply get(String id) {
    return call(api("/" + id).get().build());
  }

  Reply cancel(String id) {
    return call(api("/" + id + "/cancel").post(RequestBody.create(new byte[0])).build());
  }

  Reply call(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until the prediction is terminal; returns every state seen, the last terminal. */
  List<Map<String, Object>> pollUntilTerminal(String id) {
    List<Map<String, Object>> seen = new ArrayList<>();
    await("prediction " + id + " finished").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20)).until(() -> {
          Map<String, Object> p = get(id).json();
          seen.add(p);
          return List.of("succeeded", "failed", "canceled", "aborted").contains(p.get("status"));
        });
    return seen;
  }

  Map<String, Object> awaitTerminal(String id) {
    List<Map<String, Object>> seen = pollUntilTerminal(id);
    return seen.get(seen.size() - 1);
  }

  /** Downloads a file without any Authorization header, as a client must. */
  Download download(String url) {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return new Download(response.code(), response.header("Content-Type"), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A downloaded file. */
  static final class Download {
    final int code;
    final String contentType;
    final byte[] bytes;

    Download(int code, String contentType, byte[] bytes) {
      this.code = code;
      this.contentType = contentType;
      this.bytes = bytes;
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}

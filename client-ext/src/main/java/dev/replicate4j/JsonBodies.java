package dev.replicate4j;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Moshi's converters for {@link JsonCodec#RETROFIT}, except that a successful answer which is not
 * JSON (a proxy's login page, an empty body) fails naming its content type and showing its start,
 * instead of with the parser's advice to read leniently. Valid JSON is read whatever its type says.
 */
final class JsonBodies extends Converter.Factory {
  /** Enough of the body to show in a message; kept aside before the parser consumes it. */
  private static final long HEAD = 1024;

  private final Converter.Factory moshi = MoshiConverterFactory.create(JsonCodec.RETROFIT);

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
      Retrofit retrofit) {
    Converter<ResponseBody, ?> json = moshi.responseBodyConverter(type, annotations, retrofit);
    return json == null ? null : body -> read(json, body);
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type,
      Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  private static <T> T read(Converter<ResponseBody, T> json, ResponseBody body)
      throws IOException {
    BufferedSource source = body.source();
    source.request(HEAD);
    Buffer buffered = source.getBuffer();
    // Copied as bytes: a copy into another Buffer would share the segment, and a shared segment
    // is not returned to Okio's pool once read (a new 8 kB segment for every answer).
    ByteArrayOutputStream head = new ByteArrayOutputStream((int) Math.min(HEAD, buffered.size()));
    buffered.copyTo(head, 0, Math.min(HEAD, buffered.size()));
    try {
      return json.convert(body);
    } catch (JsonEncodingException | EOFException e) {
      // The type is parsed only here: parsing it costs every answer, and only a failure needs it.
      MediaType type = body.contentType();
      String text = utf8(head.toByteArray());
      if (!text.isBlank() && isJson(type) && e instanceof EOFException) {
        throw e; // JSON cut short: an I/O failure, as the transfer's own would be
      }
      // Not JSON at all: the same answer again would not be, so this is not an I/O failure.
      JsonDataException notJson = new JsonDataException(text.isBlank()
          ? "an empty " + (type == null ? "body" : MessageText.abbreviate(type.toString(), 100)
              + " body") + ", not a prediction"
          : ErrorMapper.notJson(type == null ? null : type.toString(), text));
      notJson.initCause(e);
      throw notJson;
    }
  }

  /** The kept bytes as text, less a last character the cut split (it would show as U+FFFD). */
  private static String utf8(byte[] bytes) {
    CharBuffer text = CharBuffer.allocate(bytes.length);
    // Not the end of input: the decoder leaves a character cut at the end undecoded.
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes), text, false);
    return text.flip().toString();
  }

  private static boolean isJson(MediaType type) {
    return type != null && (type.subtype().equals("json") || type.subtype().endsWith("+json"));
  }
}

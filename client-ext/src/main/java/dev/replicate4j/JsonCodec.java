package dev.replicate4j;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;

/** The Moshi configurations for every request, response and webhook body. */
final class JsonCodec {
  /** The generated models' adapters, as generated; JSON values with {@link ExactJson}'s numbers. */
  static final Moshi MOSHI = new Moshi.Builder().add(ExactJson.FACTORY).build();

  static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  static final JsonAdapter<dev.replicate4j.generated.model.Prediction> PREDICTION =
      MOSHI.adapter(dev.replicate4j.generated.model.Prediction.class);

  /**
   * What Retrofit converts bodies with: {@link #MOSHI}, except that a prediction is read as its
   * JSON tree only, carried in a {@link PredictionTree}. {@link Prediction} reads its fields from
   * the tree and binds the generated model only when asked, so each poll parses its body once.
   */
  static final Moshi RETROFIT = MOSHI.newBuilder().add(JsonCodec::predictionTrees).build();

  private JsonCodec() {}

  /**
   * The JSON tree a Retrofit call returned.
   *
   * @throws IllegalStateException if the body was not read through {@link #RETROFIT}
   */
  static Map<String, Object> tree(dev.replicate4j.generated.model.Prediction body) {
    if (!(body instanceof PredictionTree)) {
      throw new IllegalStateException("Prediction bodies must be read through JsonCodec.RETROFIT");
    }
    return ((PredictionTree) body).json;
  }

  private static JsonAdapter<?> predictionTrees(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (type != dev.replicate4j.generated.model.Prediction.class || !annotations.isEmpty()) {
      return null;
    }
    JsonAdapter<Object> values = moshi.adapter(Object.class);
    return new JsonAdapter<dev.replicate4j.generated.model.Prediction>() {
      @Override
      public dev.replicate4j.generated.model.Prediction fromJson(JsonReader reader)
          throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
          throw new JsonDataException("Expected a prediction object but was " + reader.peek()
              + " at path " + reader.getPath());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) values.fromJson(reader);
        return new PredictionTree(json);
      }

      @Override
      public void toJson(JsonWriter writer, dev.replicate4j.generated.model.Prediction value)
          throws IOException {
        if (value instanceof PredictionTree) {
          // As read, nulls included.
          MAP.serializeNulls().toJson(writer, ((PredictionTree) value).json);
        } else {
          PREDICTION.toJson(writer, value);
        }
      }
    };
  }

  /**
   * Carries a prediction's JSON tree through Retrofit, whose declared body type is the generated
   * model. Its own (generated) fields are never set: read {@link #tree} and nothing else.
   */
  private static final class PredictionTree extends dev.replicate4j.generated.model.Prediction {
    final transient Map<String, Object> json;

    PredictionTree(Map<String, Object> json) {
      this.json = json;
    }
  }
}

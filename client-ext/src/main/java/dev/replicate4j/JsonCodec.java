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

/** The one Moshi configuration used for every request, response and webhook body. */
final class JsonCodec {
  /**
   * One instance, registered and also passed to {@code nextAdapter}: Moshi finds the factory to skip
   * by equality, and each evaluation of a method reference is a new, unequal object.
   */
  private static final JsonAdapter.Factory CAPTURING = JsonCodec::capturingPredictions;

  static final Moshi MOSHI = new Moshi.Builder()
      .add(dev.replicate4j.generated.model.PredictionStatus.class, new LenientStatusAdapter())
      .add(CAPTURING)
      .build();

  static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private JsonCodec() {}

  /**
   * Reads generated predictions as {@link CapturedPrediction}, which also keeps the JSON tree, so
   * fields and statuses this version does not know survive parsing.
   */
  private static JsonAdapter<?> capturingPredictions(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (type != dev.replicate4j.generated.model.Prediction.class || !annotations.isEmpty()) {
      return null;
    }
    JsonAdapter<dev.replicate4j.generated.model.Prediction> plain =
        moshi.nextAdapter(CAPTURING, type, annotations);
    JsonAdapter<CapturedPrediction> captured = moshi.adapter(CapturedPrediction.class);
    return new JsonAdapter<dev.replicate4j.generated.model.Prediction>() {
      @Override
      public dev.replicate4j.generated.model.Prediction fromJson(JsonReader reader)
          throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        Object tree = reader.readJsonValue();
        if (!(tree instanceof Map)) {
          throw new JsonDataException("Expected a prediction object but was " + tree);
        }
        CapturedPrediction prediction = captured.fromJsonValue(tree);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) tree;
        prediction.json = json;
        return prediction;
      }

      @Override
      public void toJson(JsonWriter writer, dev.replicate4j.generated.model.Prediction value)
          throws IOException {
        plain.toJson(writer, value);
      }
    };
  }

  /** A generated prediction plus the JSON it was read from. */
  static final class CapturedPrediction extends dev.replicate4j.generated.model.Prediction {
    transient Map<String, Object> json;
  }

  /**
   * Reads a status this version does not know as the generated unknown constant instead of failing
   * the whole response. Moshi's built-in enum adapter would throw; the generated model's own lenient
   * adapter is only looked up for types annotated {@code @JsonClass}, which the enum is not.
   */
  private static final class LenientStatusAdapter
      extends JsonAdapter<dev.replicate4j.generated.model.PredictionStatus> {
    @Override
    public dev.replicate4j.generated.model.PredictionStatus fromJson(JsonReader reader)
        throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      return dev.replicate4j.generated.model.PredictionStatus.fromValue(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, dev.replicate4j.generated.model.PredictionStatus value)
        throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value.getValue());
      }
    }
  }
}

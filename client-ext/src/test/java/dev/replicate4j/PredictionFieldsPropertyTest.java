package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.models.FileDownloader;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.Models;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever JSON the server puts in whatever field of a prediction, nothing the SDK does with it
 * throws anything but a {@link ReplicateException}, and {@code toString()} and the messages of the
 * exceptions made from it never throw at all.
 */
class PredictionFieldsPropertyTest {
  /** Every field of the spec's prediction, and one it does not have. */
  private static final List<String> FIELDS = List.of("id", "model", "version", "status", "input",
      "output", "logs", "error", "data_removed", "metrics", "created_at", "started_at",
      "completed_at", "deadline", "urls", "webhook", "unknown_extra");

  private static final FileDownloader NO_DOWNLOADS = uri -> {
    throw new IOException("no downloads in this test");
  };

  @Property(tries = 1000)
  void noFieldValueEscapesTheHierarchy(@ForAll("predictions") Map<String, Object> tree) {
    // As it would arrive: written and read back the way every response is read.
    String body = ExactJson.write(tree);
    @SuppressWarnings("unchecked")
    Map<String, Object> received = (Map<String, Object>) ExactJson.parse(body);

    Prediction p;
    try {
      p = Prediction.fromJson(received);
    } catch (ReplicateException e) {
      assertThat(e.getMessage()).isNotNull();
      return;
    }
    assertThat(p.toString()).hasSizeLessThan(1000);
    List<Supplier<Object>> accessors = List.of(p::id, p::model, p::version, p::status,
        p::rawStatus, p::input, p::output, p::outputUris, p::outputUri, p::logs, p::error,
        p::errorJson, p::dataRemoved, p::predictTime, p::metrics, p::createdAt, p::startedAt,
        p::completedAt, p::deadline, p::raw, p::json, p::hashCode, () -> p.equals(p),
        () -> Prediction.parse(body));
    for (Supplier<Object> accessor : accessors) {
      onlyReplicateExceptions(accessor);
    }
    for (Model<?, ?> model : List.of(Models.SDXL, Models.REMBG, Models.FLUX_SCHNELL_LORA,
        Models.STABLE_DIFFUSION_ANIMATION, Models.ANIMATE_DIFF, Models.OBJECT_REMOVAL)) {
      onlyReplicateExceptions(() -> model.parseOutput(p.output(), NO_DOWNLOADS));
    }
    if (p.status().isTerminal() && p.status() != PredictionStatus.SUCCEEDED) {
      assertThat(PredictionException.forTerminal(p).getMessage()).hasSizeLessThan(3000);
    }
    assertThat(new OutputExpiredException(p).getMessage()).hasSizeLessThan(1000);
  }

  private static void onlyReplicateExceptions(Supplier<Object> accessor) {
    try {
      accessor.get();
    } catch (ReplicateException e) {
      assertThat(e.getMessage()).isNotNull().hasSizeLessThan(3000);
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> predictions() {
    Arbitrary<Object> value = json();
    return Arbitraries.subsetOf(FIELDS).flatMap(names -> value.list().ofSize(names.size())
        .map(values -> {
          Map<String, Object> tree = new LinkedHashMap<>();
          List<String> ordered = new ArrayList<>(names);
          for (int i = 0; i < ordered.size(); i++) {
            tree.put(ordered.get(i), values.get(i));
          }
          return tree;
        }));
  }

  /** Any JSON value, with the strings and numbers that sit at the edges of what is expected. */
  private static Arbitrary<Object> json() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of(true, false),
        Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
        Arbitraries.of("succeeded", "failed", "canceled", "aborted", "processing", "starting",
            "p1", "..", "a/b", "", "2026-11-02T10:15:30Z", "yesterday",
            "https://replicate.delivery/a/out-0.png", "data:image/png;base64,iVBORw0KGgo=",
            "data:,", "http://[::1", "x".repeat(5000)),
        Arbitraries.longs().map(n -> (Object) n),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(new BigInteger("123456789012345678901234567890"),
            new BigDecimal("1e309"), new BigDecimal("-1e-400"), Long.MAX_VALUE, 0L, -1L));
    return Arbitraries.recursive(() -> leaf,
        inner -> Arbitraries.oneOf(
            inner.list().ofMaxSize(4).map(l -> (Object) l),
            Arbitraries.maps(Arbitraries.of("predict_time", "get", "cancel", "stream", "code",
                "prompt", "x"), inner).ofMaxSize(3).map(m -> (Object) m)),
        0, 3);
  }
}

package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.IMAGE;
import static dev.replicate4j.stub.StubHttp.REMBG;
import static dev.replicate4j.stub.StubHttp.SD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class JournalAndListTest extends StubHttpTest {
  @Override
  StubRelayBuilder configure(StubRelayBuilder builder) {
    return super.configure(builder).listPageSize(2);
  }

  @Test
  void recordsEveryRequestInOrderWithMethodPathHeadersAndBody() {
    String id = http.createId(SD, Map.of("prompt", "a cat"), "Prefer", "wait=1", "X-Trace", "t-1");
    http.get(id);
    http.cancel(id);
    http.get("missing");

    List<RecordedCall> calls = stub.journal().requests();
    assertThat(calls).extracting(RecordedCall::kind).containsExactly(
        RequestKind.CREATE, RequestKind.GET, RequestKind.CANCEL, RequestKind.GET);
    assertThat(calls).extracting(RecordedCall::sequence).containsExactly(0, 1, 2, 3);
    RecordedCall create = calls.get(0);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/replicate/v1/predictions");
    assertThat(create.header("prefer")).contains("wait=1");
    assertThat(create.header("X-TRACE")).contains("t-1");
    assertThat(create.header("Authorization")).contains("Bearer " + stub.apiKey());
    assertThat(create.hasAuthorization()).isTrue();
    assertThat(StubHttp.json(create.body())).containsEntry("version", SD)
        .containsEntry("input", Map.of("prompt", "a cat"));
    assertThat(create.predictionId()).isEmpty();
    assertThat(calls.get(1).predictionId()).contains(id);
    assertThat(calls.get(2).path()).isEqualTo("/replicate/v1/predictions/" + id + "/cancel");
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).arrivedAt()).isAfterOrEqualTo(calls.get(i - 1).arrivedAt());
    }
  }

  @Test
  void filtersByKindAndPrediction() {
    String first = http.createId(SD, Map.of());
    String second = http.createId(SD, Map.of());
    http.get(first);
    http.get(second);
    http.get(first);
    http.cancel(second);
    stub.failNext(RequestKind.CREATE, Fault.status(503));
    http.create(SD, Map.of());

    Journal journal = stub.journal();
    assertThat(journal.creates()).hasSize(3);
    assertThat(journal.creates().get(2).fault()).contains("status 503");
    assertThat(journal.creates().get(0).fault()).isEmpty();
    assertThat(journal.gets(first)).hasSize(2).allMatch(c -> c.predictionId().orElseThrow().equals(first));
    assertThat(journal.gets(second)).hasSize(1);
    assertThat(journal.cancels(second)).hasSize(1);
    assertThat(journal.cancels(first)).isEmpty();
    assertThat(journal.count(RequestKind.GET)).isEqualTo(3);
    assertThat(stub.predictionsCreated()).isEqualTo(2);

    journal.clear();
    assertThat(journal.requests()).isEmpty();
  }

  @Test
  void recordsWhetherATokenReachedTheFileHost() {
    String id = http.createId(REMBG, Map.of("image", IMAGE));
    String url = (String) http.awaitTerminal(id).get("output");
    http.download(url);
    http.call(new Request.Builder().url(url).header("Authorization", "Bearer leaked").build());

    List<RecordedCall> files = stub.journal().files();
    assertThat(files).hasSize(2);
    assertThat(files.get(0).hasAuthorization()).isFalse();
    assertThat(files.get(1).hasAuthorization()).isTrue();
    assertThat(files.get(0).header("Host")).hasValueSatisfying(h -> assertThat(h).startsWith("localhost:"));
    assertThat(files.get(0).predictionId()).contains(id);
    assertThat(HttpUrl.get(url).host()).isNotEqualTo(HttpUrl.get(stub.baseUrl()).host());
  }

  @Test
  void listsNewestFirstInPagesWithUpstreamCursorLinks() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(http.createId(SD, Map.of("seed", i)));
    }

    Map<String, Object> page1 = http.call(http.api("").build()).json();
    assertThat(idsOf(page1)).containsExactly(ids.get(4), ids.get(3));
    assertThat(page1.get("previous")).isNull();
    String next = (String) page1.get("next");
    assertThat(next).startsWith("https://api.replicate.com/v1/predictions?cursor=");

    Map<String, Object> page2 = http.call(http.api("?cursor=" + cursorOf(next)).build()).json();
    assertThat(idsOf(page2)).containsExactly(ids.get(2), ids.get(1));
    Map<String, Object> page3 = http.call(http.api("?cursor=" + cursorOf((String) page2.get("next"))).build()).json();
    assertThat(idsOf(page3)).containsExactly(ids.get(0));
    assertThat(page3.get("next")).isNull();

    String previous = (String) page3.get("previous");
    Map<String, Object> back = http.call(http.api("?cursor=" + cursorOf(previous)).build()).json();
    assertThat(idsOf(back)).containsExactly(ids.get(2), ids.get(1));
    assertThat(http.call(http.api("?cursor=garbage!").build()).code).isEqualTo(400);
  }

  @SuppressWarnings("unchecked")
  private static List<String> idsOf(Map<String, Object> page) {
    List<String> ids = new ArrayList<>();
    for (Object p : (List<Object>) page.get("results")) {
      ids.add((String) ((Map<String, Object>) p).get("id"));
    }
    return ids;
  }

  private static String cursorOf(String url) {
    return HttpUrl.get(url).queryParameter("cursor");
  }
}

package com.example.okhttp4;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateException;
import org.junit.jupiter.api.Test;

class OkHttp4Test {
  @Test
  void buildingAClientNamesBothOkHttpsAndTheFix() {
    assertThatThrownBy(() -> ReplicateClient.builder()
            .apiKey("r8_test").baseUrl("http://127.0.0.1:9").build())
        .isExactlyInstanceOf(ReplicateException.class)
        .hasMessageStartingWith("replicate4j needs one OkHttp 5.5.1 on the classpath, but found 2 copies: ")
        .hasMessageContaining("okhttp-4.12.0.jar")
        .hasMessageContaining("okhttp-jvm-5.5.1.jar")
        .hasMessageContaining("Import dev.replicate4j:replicate4j-bom:")
        .hasMessageContaining("do not depend on com.squareup.okhttp3:okhttp 4.x");
  }
}

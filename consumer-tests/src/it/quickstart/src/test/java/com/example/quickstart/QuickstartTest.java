package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Quickstart's code, run as a consumer runs it: against the stub, then a plain loopback server. */
@ExtendWith(ReplicateStubExtension.class)
class QuickstartTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void theQuickstartRunsAPredictionAndDownloadsItsImages(ReplicateClient client, StubRelay stub)
      throws Exception {
    List<Path> saved = Quickstart.drawLighthouses(client);
    try {
      assertThat(saved).hasSize(2);
      for (Path file : saved) {
        assertThat(Files.readAllBytes(file)).startsWith(PNG_MAGIC);
      }
      assertThat(stub.journal().creates()).hasSize(1);
    } finally {
      for (Path file : saved) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void aStubStartedWithoutJUnitServesAPlainClient(@TempDir Path dir) throws Exception {
    try (StubRelay stub = StubRelay.builder().build().start();
        ReplicateClient client = ReplicateClient.builder()
            .baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build()) {
      FileOutput cutout = client.run(Models.REMBG,
          RembgInput.builder().image(ImageInput.url("https://example.com/product.jpg")).build());
      Path saved = cutout.downloadTo(dir.resolve("cutout.png"));
      assertThat(Files.readAllBytes(saved)).startsWith(PNG_MAGIC);
    }
  }
}

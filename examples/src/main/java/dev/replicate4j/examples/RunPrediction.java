package dev.replicate4j.examples;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.stub.StubRelay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK in a few lines: one SDXL prediction, its images saved under {@code outputs/}. The tool
 * with every model, progress, JSON and exit codes is the {@code replicate4j} command (module cli).
 *
 * <p>With {@code CHAINHUB_API_KEY} set it talks to the real relay (or {@code CHAINHUB_BASE_URL});
 * without it, to a stub relay started in this process, so it works with no key and no network.
 */
public final class RunPrediction {
  private RunPrediction() {}

  /**
   * Runs the example.
   *
   * @param args the prompt (default: a lighthouse at dusk)
   * @throws IOException if an image cannot be saved
   */
  public static void main(String[] args) throws IOException {
    String prompt = args.length > 0 ? String.join(" ", args) : "a lighthouse at dusk";
    for (Path file : run(prompt, System.getenv(ReplicateClient.API_KEY_ENV), Path.of("outputs"))) {
      System.out.println("Saved " + file.toAbsolutePath());
    }
  }

  static List<Path> run(String prompt, String apiKey, Path folder) throws IOException {
    boolean useStub = apiKey == null || apiKey.isBlank();
    try (StubRelay stub = useStub ? StubRelay.builder().build().start() : null;
        ReplicateClient client = useStub
            ? ReplicateClient.builder().baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build()
            : ReplicateClient.fromEnv()) {
      SdxlInput input = SdxlInput.builder().prompt(prompt).numOutputs(2).build();
      FileOutputs images = client.run(Models.SDXL, input);     // validated, created, waited for
      Files.createDirectories(folder);
      List<Path> saved = new ArrayList<>();
      for (FileOutput image : images) {
        String name = image.uri().substring(image.uri().lastIndexOf('/') + 1);
        saved.add(image.downloadTo(folder.resolve(name)));
      }
      return saved;
    }
  }
}

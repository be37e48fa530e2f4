package com.example.quickstart;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.models.SdxlScheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Quickstart {
  public static void main(String[] args) {
    try (ReplicateClient client = ReplicateClient.fromEnv()) {        // reads CHAINHUB_API_KEY
      System.out.println("Saved " + drawLighthouses(client));
    }
  }

  static List<Path> drawLighthouses(ReplicateClient client) {
    SdxlInput input = SdxlInput.builder()
        .prompt("a lighthouse at dawn, watercolor")
        .numOutputs(2)
        .scheduler(SdxlScheduler.K_EULER_ANCESTRAL)
        .build();                                                    // validated here, not on the server
    FileOutputs images = client.run(Models.SDXL, input);             // waits, with a deadline
    List<Path> saved = new ArrayList<>();
    for (FileOutput image : images) {                                // may hold fewer than 2 (safety filter)
      String name = image.uri().substring(image.uri().lastIndexOf('/') + 1);
      saved.add(image.downloadTo(Path.of(name)));                    // no API key sent; unchecked errors
    }
    return saved;
  }
}

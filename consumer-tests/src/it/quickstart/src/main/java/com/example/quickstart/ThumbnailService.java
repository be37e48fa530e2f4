package com.example.quickstart;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;

/** The application code that the README's stub tests exercise. */
public final class ThumbnailService {
  private final ReplicateClient client;

  public ThumbnailService(ReplicateClient client) {
    this.client = client;
  }

  public FileOutputs render(String prompt) {
    return client.run(Models.SDXL, SdxlInput.builder().prompt(prompt).numOutputs(1).build());
  }
}

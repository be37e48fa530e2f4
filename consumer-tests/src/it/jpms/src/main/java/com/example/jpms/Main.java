package com.example.jpms;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.stub.StubRelay;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Runs one prediction against the stub and checks that the file it downloads is a PNG. */
public final class Main {
  public static void main(String[] args) throws IOException {
    if (Main.class.getModule().getName() == null) {
      throw new IllegalStateException("not on the module path");
    }
    try (StubRelay stub = StubRelay.builder().build().start();
        ReplicateClient client = ReplicateClient.builder()
            .baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build()) {
      FileOutput cutout = client.run(Models.REMBG,
          RembgInput.builder().image(ImageInput.url("https://example.com/product.jpg")).build());
      try (InputStream in = cutout.openStream()) {
        byte[] magic = in.readNBytes(4);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
          throw new IllegalStateException("not a PNG: " + Arrays.toString(magic));
        }
      }
      System.out.println("Module " + ReplicateClient.class.getModule().getName()
          + " ran prediction to a PNG on the module path");
    }
  }
}

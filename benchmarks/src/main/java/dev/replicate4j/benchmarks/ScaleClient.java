package dev.replicate4j.benchmarks;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.StableDiffusionInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the scale run, in a JVM of its own so that its threads and heap are the SDK's
 * (the stub runs in the parent). Each round starts {@code count} predictions at once with
 * {@code runAsync} on one client and waits for all of them, then prints a {@code ROUND} line and
 * waits for the parent to say {@code next} (the parent reads the stub's journal in between). The
 * first round runs on a cold JVM, later ones on a warm one. Last comes a {@code RESOURCES} line:
 * peak threads and heap over the whole life of the process.
 *
 * <pre>java -cp benchmarks.jar dev.replicate4j.benchmarks.ScaleClient BASE_URL API_KEY COUNT ROUNDS</pre>
 */
final class ScaleClient {
  static final String ROUND = "ROUND";
  static final String RESOURCES = "RESOURCES";
  static final String NEXT = "next";
  static final long TIMEOUT_SECONDS = 120;

  private ScaleClient() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("Usage: ScaleClient BASE_URL API_KEY COUNT ROUNDS");
      System.exit(2);
    }
    int count = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    BufferedReader parent =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StableDiffusionInput input =
        StableDiffusionInput.builder().prompt("a lighthouse at dusk").numOutputs(1).build();
    ResourceSampler sampler = new ResourceSampler();
    sampler.start();
    try (ReplicateClient client =
        ReplicateClient.builder().apiKey(args[1]).baseUrl(args[0]).build()) {
      for (int round = 1; round <= rounds; round++) {
        Map<String, String> result = runRound(client, input, count);
        result.put("round", String.valueOf(round));
        System.out.println(line(ROUND, result));
        String answer = parent.readLine();
        if (!NEXT.equals(answer)) {
          throw new IllegalStateException("Expected '" + NEXT + "' from the parent, got " + answer);
        }
      }
    }
    System.out.println(line(RESOURCES, sampler.stop()));
  }

  private static Map<String, String> runRound(ReplicateClient client, StableDiffusionInput input,
      int count) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<FileOutputs>> runs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      runs.add(client.runAsync(Models.STABLE_DIFFUSION, input));
    }
    long submitted = System.nanoTime();
    int failures = 0;
    String firstFailure = "";
    long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    for (CompletableFuture<FileOutputs> run : runs) {
      try {
        FileOutputs files = run.get(Math.max(1, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
        if (files.files().size() != 1) {
          throw new ExecutionException(
              new IllegalStateException("Expected 1 file, got " + files.files().size()));
        }
      } catch (ExecutionException e) {
        failures++;
        firstFailure = firstFailure.isEmpty() ? e.getCause().toString() : firstFailure;
      }
    }
    long end = System.nanoTime();
    Map<String, String> result = new LinkedHashMap<>();
    result.put("wall_ms", String.valueOf(TimeUnit.NANOSECONDS.toMillis(end - start)));
    result.put("submit_ms", String.valueOf(TimeUnit.NANOSECONDS.toMillis(submitted - start)));
    result.put("failures", String.valueOf(failures));
    result.put("first_failure", firstFailure);
    return result;
  }

  /** Values never hold spaces, so the parent can split the line on them. */
  private static String line(String kind, Map<String, String> values) {
    StringBuilder line = new StringBuilder(kind);
    values.forEach((k, v) -> line.append(' ').append(k).append('=').append(v.replace(' ', '_')));
    return line.toString();
  }
}

package com.example.quickstart;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.PollingPolicy;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionListener;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import dev.replicate4j.WebhookEventType;
import dev.replicate4j.models.AnimationOutput;
import dev.replicate4j.models.AnimationOutputFormat;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelCatalog;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.ObjectClass;
import dev.replicate4j.models.ObjectRemovalInput;
import dev.replicate4j.models.OutputParser;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.models.StableDiffusionAnimationInput;
import dev.replicate4j.models.StableDiffusionImg2ImgInput;
import dev.replicate4j.models.StableDiffusionInpaintingInput;
import dev.replicate4j.models.StableDiffusionInput;
import dev.replicate4j.models.Task;
import dev.replicate4j.webhooks.VerifiedWebhook;
import dev.replicate4j.webhooks.WebhookDeduplicator;
import dev.replicate4j.webhooks.WebhookVerificationException;
import dev.replicate4j.webhooks.WebhookVerifier;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/** The README's Java blocks, verbatim, each in a method that gives it the variables it uses. */
@SuppressWarnings("unused")
final class ReadmeExamples {
  private ReadmeExamples() {}

  /** README, "The models". */
  static void models(ReplicateClient client) throws IOException {
    // Image to image: a local file becomes a data: URI (warned above 256 KB, refused above 10 MB)
    FileOutputs variations = client.run(Models.STABLE_DIFFUSION_IMG2IMG,
        StableDiffusionImg2ImgInput.builder()
            .image(ImageInput.file(Path.of("sketch.jpg")))
            .prompt("a castle at dusk").promptStrength(0.6).build());

    // Inpainting: white in the mask is repainted
    FileOutputs repainted = client.run(Models.STABLE_DIFFUSION_INPAINTING,
        StableDiffusionInpaintingInput.builder()
            .image(ImageInput.url("https://example.com/room.png"))
            .mask(ImageInput.url("https://example.com/mask.png"))
            .prompt("a red sofa").width(512).height(512).build());

    // Animation: the video is last; frames come first when intermediate_output is on
    AnimationOutput anim = client.run(Models.STABLE_DIFFUSION_ANIMATION,
        StableDiffusionAnimationInput.builder()
            .promptStart("a seed in the ground").promptEnd("a sapling|a great oak")
            .outputFormat(AnimationOutputFormat.MP4).intermediateOutput(true).build());
    anim.video().downloadTo(Path.of("oak.mp4"));

    // Object removal: classes are typed and sent as the model needs them ("person,car")
    FileOutput cleaned = client.run(Models.OBJECT_REMOVAL, ObjectRemovalInput.builder()
        .imagePath(ImageInput.url("https://example.com/street.jpg"))
        .objectsToRemove(ObjectClass.PERSON, ObjectClass.CAR).build());

    // Background removal, reading the result as a stream (downloads never carry the API key)
    FileOutput cutout = client.run(Models.REMBG, RembgInput.builder()
        .image(ImageInput.url("https://example.com/product.jpg")).build());
    try (InputStream png = cutout.openStream()) { /* ... */ }

    // Validation happens in build(), before any request
    try {
      StableDiffusionInput.builder().width(1000).numOutputs(9).build();
    } catch (ValidationException e) {
      // 2 invalid inputs:
      //   - stability-ai/stable-diffusion: width = 1000: must be one of 64, 128, ..., 1024
      //   - stability-ai/stable-diffusion: num_outputs = 9: must be between 1 and 4
    }
  }

  /** README, "Your own models, the escape hatch and the catalog". */
  static void ownModels(ReplicateClient client) {
    Object raw = client.run(Models.generic("acme/upscaler:5c7d…"),          // any version, a plain map
        GenericInput.of(Map.of("image", "https://example.com/a.png", "scale", 4)));

    Model<MyUpscaleInput, FileOutput> upscaler = Model.builder(MyUpscaleInput.class, FileOutput.class)
        .owner("acme").name("upscaler").version("5c7d…")
        .description("4x upscaler").task(Task.IMAGE_TO_IMAGE)
        .outputParser(OutputParser.singleFile()).build();
    ModelCatalog catalog = ModelCatalog.builder().addStandard().add(upscaler).build();
    Model<?, ?> sdxl = catalog.get("stability-ai/sdxl");   // or by hash, or owner/name:hash
    SdxlInput fromText = Models.SDXL.parseInput(Map.of("prompt", "a fox", "num_outputs", "2"));
  }

  /** README, "Waiting". */
  static void waiting(ReplicateClient client, SdxlInput input) {
    PollingPolicy policy = PollingPolicy.builder()    // how to wait
        .initialDelay(Duration.ofMillis(250)).multiplier(2).maxDelay(Duration.ofSeconds(2)).jitter(0.1)
        .deadline(Duration.ofMinutes(5))          // always finite
        .cancelOnDeadline(true)                   // run(): true by default; handle waits: false
        .maxProgressDelay(Duration.ofSeconds(10)) // follow progress bars (zero turns it off)
        .build();
    CreateOptions options = CreateOptions.builder()   // what the create sends
        .preferWaitSeconds(30)                    // 1..60, or null to poll from the start
        .cancelAfter(Duration.ofMinutes(4))       // server-side deadline (Cancel-After), optional
        .build();
    FileOutputs images = client.run(Models.SDXL, input, options, policy);

    // A handle: create now, wait later, resume from the id alone
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, input);
    String id = handle.id();                       // keep it
    handle.addListener(new PredictionListener() {  // each change once, in order; the end last
      @Override public void onStatusChange(Prediction p, PredictionStatus previous) { /* ... */ }
      @Override public void onLogs(Prediction p, String newLogs) { /* only the new text */ }
      @Override public void onProgress(Prediction p, double fraction) { /* from tqdm lines */ }
    });
    Optional<Prediction> latest = handle.latest(); // no request; empty until a state is seen
    Prediction now = handle.refresh();             // one request
    Prediction done = handle.await(Duration.ofMinutes(2));
    Prediction firstFile = handle.awaitUntil(p -> !p.outputUris().isEmpty(), Duration.ofMinutes(2));
    FileOutputs output = client.resume(id, Models.SDXL).output();

    // Async: no thread is held per waiting prediction (async HTTP, scheduled delays)
    CompletableFuture<FileOutputs> future = client.runAsync(Models.SDXL, input);
    future.cancel(true);   // stops polling AND cancels the remote prediction
  }

  /** README, "Errors": a create that may have created the prediction. */
  static void mayHaveCreated(ReplicateClient client, SdxlInput input) {
    try {
      client.create(Models.SDXL, input);
    } catch (ReplicateException e) {
      if (e.mayHaveCreated()) {
        // the prediction may exist: list recent predictions before creating it again
      }
    }
  }

  /** README, "Receiving webhooks", step 1. */
  static void askForWebhooks(ReplicateClient client, SdxlInput input) {
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, input, CreateOptions.builder()
        .webhook("https://example.com/webhooks/replicate")          // https only (http for loopback)
        .webhookEvents(EnumSet.of(WebhookEventType.COMPLETED))      // also START, OUTPUT, LOGS
        .build());
  }

  /** README, "Receiving webhooks", step 2: starting the receiver in {@link WebhookReceiver}. */
  static void receiveWebhooks() throws IOException {
    WebhookReceiver.receiveWebhooks(System.getenv("REPLICATE_WEBHOOK_SECRET"), new InetSocketAddress(8080),
        Executors.newFixedThreadPool(4),
        p -> System.out.println(p.id() + " is " + p.status() + (p.status().isTerminal() ? ": " + p.output() : "")));
  }
}

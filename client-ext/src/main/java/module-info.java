/**
 * The replicate4j client: {@link dev.replicate4j.ReplicateClient} and what it returns and throws,
 * the model catalog ({@code dev.replicate4j.models}) and webhook verification
 * ({@code dev.replicate4j.webhooks}). Only these three packages are exported; the generated wire
 * code ({@code dev.replicate4j.generated}) is an implementation detail.
 */
module dev.replicate4j {
  // OkHttpClient is accepted by ReplicateClientBuilder.okHttpClient(...): users need it too.
  requires transitive okhttp3;
  requires dev.replicate4j.generated;
  requires retrofit2;
  requires retrofit2.converter.moshi;
  requires com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib;
  requires org.slf4j;

  exports dev.replicate4j;
  exports dev.replicate4j.models;
  exports dev.replicate4j.webhooks;
}

/**
 * The wire code generated from the relay's spec: Retrofit interfaces and Moshi models. An
 * implementation detail of {@code dev.replicate4j}, the only module its packages are exported to.
 * (Copied into the generated sources at build time; not a Mustache template.)
 */
module dev.replicate4j.generated {
  requires retrofit2;
  requires com.squareup.moshi;
  requires okhttp3;
  requires kotlin.stdlib;

  exports dev.replicate4j.generated.api to dev.replicate4j;
  exports dev.replicate4j.generated.model to dev.replicate4j;
  // Moshi binds the models by reflection.
  opens dev.replicate4j.generated.model to com.squareup.moshi;
}

/**
 * The stub relay ({@code dev.replicate4j.stub}) and its JUnit 5 extensions
 * ({@code dev.replicate4j.stub.junit}; JUnit itself is the user's, so it is not required here).
 */
module dev.replicate4j.stub {
  requires transitive dev.replicate4j;
  requires transitive mockwebserver3;
  requires transitive okhttp3.tls;
  requires com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib;
  requires org.slf4j;
  requires org.yaml.snakeyaml;
  requires java.desktop;
  requires static org.junit.jupiter.api;

  exports dev.replicate4j.stub;
  exports dev.replicate4j.stub.junit;
}

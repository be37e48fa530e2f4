/** A modular application that uses the SDK, and the stub to run without a key. */
module com.example.jpms {
  requires dev.replicate4j;
  requires dev.replicate4j.stub;
}

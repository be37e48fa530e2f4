package dev.replicate4j.models;

/** Shared test values. */
final class ModelTestSupport {
  static final String HASH = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private ModelTestSupport() {}
}

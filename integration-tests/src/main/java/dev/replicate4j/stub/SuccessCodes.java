package dev.replicate4j.stub;

/** Which status code a successful create answers with. */
public enum SuccessCodes {
  /** Always 200, as the relay documents. */
  RELAY_200,
  /**
   * As Replicate does: 201 when the returned prediction is already terminal (typically after
   * {@code Prefer: wait}), 202 when it is still running.
   */
  REPLICATE_201_202
}

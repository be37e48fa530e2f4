package dev.replicate4j.stub;

/**
 * What the stub answers for a model: the shape and file type of its output. Catalog models have
 * theirs; a model registered with {@link StubRelayBuilder#model} names one.
 */
public enum StubOutput {
  /** An array of {@code num_outputs} PNG URIs. */
  PNG_ARRAY,
  /** An array of {@code num_outputs} URIs in {@code output_format} (webp, jpg, png). */
  FORMAT_ARRAY,
  /** An array: PNG frames when {@code intermediate_output}, then the gif or mp4 last. */
  ANIMATION,
  /** One mp4 URI. */
  SINGLE_MP4,
  /** One PNG URI. */
  SINGLE_PNG,
  /** One PNG URI with a transparent background. */
  SINGLE_RGBA_PNG
}

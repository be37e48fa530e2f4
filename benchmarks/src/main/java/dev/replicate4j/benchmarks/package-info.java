/**
 * Measurements of the SDK, run on demand by {@link dev.replicate4j.benchmarks.BenchmarkMain}:
 * overhead over the wire against a hand-written OkHttp + Moshi client, requests and detection delay
 * of waiting against a fixed 0.5 s poller, 1,000 predictions in flight through {@code runAsync},
 * and parsing a prediction with large logs. Not part of the published SDK.
 */
package dev.replicate4j.benchmarks;

/**
 * A stateful stub of ChainHub's Replicate relay, for tests and demos that need the real HTTP
 * conversation without the real service.
 *
 * <p>{@link dev.replicate4j.stub.StubRelay} serves, on a loopback port:
 * <ul>
 *   <li>{@code POST /replicate/v1/predictions}, {@code GET /replicate/v1/predictions/{id}},
 *       {@code POST /replicate/v1/predictions/{id}/cancel} and {@code GET /replicate/v1/predictions}
 *       with bearer authentication, the ten model versions the relay serves and their input rules
 *       (422 problem details naming the field), {@code Prefer: wait} and {@code Cancel-After};</li>
 *   <li>predictions that move starting, processing (tqdm progress in the logs), then finish, with
 *       output of each model's shape pointing at small valid files under {@code /files} on another
 *       host name, served without authentication;</li>
 *   <li>signed webhooks (Standard Webhooks) for the events a prediction asked for.</li>
 * </ul>
 *
 * <p>Tests inject faults ({@link dev.replicate4j.stub.Fault}) and outcomes
 * ({@link dev.replicate4j.stub.Outcome}), and read back every request and webhook delivery from
 * the {@link dev.replicate4j.stub.Journal}. The JUnit 5 extensions of
 * {@code dev.replicate4j.stub.junit} run a stub around tests;
 * {@link dev.replicate4j.stub.StubRelayMain} runs one on its own.
 */
package dev.replicate4j.stub;

/**
 * JUnit 5 support for teams testing code that uses the SDK:
 * {@link dev.replicate4j.stub.junit.ReplicateStubExtension} starts a stub relay and hands tests a
 * {@link dev.replicate4j.ReplicateClient} configured for it. Kept apart from
 * {@code dev.replicate4j.stub}, which does not depend on the SDK's client.
 */
package dev.replicate4j.stub.junit;

/**
 * JUnit 5 extensions around the stub relay, both here: {@link
 * dev.replicate4j.stub.junit.StubRelayExtension} starts a stub per test or per class and hands
 * tests the {@link dev.replicate4j.stub.StubRelay} (and objects made from it);
 * {@link dev.replicate4j.stub.junit.ReplicateStubExtension}, built on it, also hands tests a
 * {@link dev.replicate4j.ReplicateClient} configured for the stub. JUnit is the user's: the module
 * requires it only statically, and nothing in {@code dev.replicate4j.stub} depends on this package.
 */
package dev.replicate4j.stub.junit;

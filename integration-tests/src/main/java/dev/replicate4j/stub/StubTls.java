package dev.replicate4j.stub;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The certificates of a stub that speaks https, made fresh at start: a certificate authority, which
 * clients trust, and the server certificate it signs for every loopback name the stub answers to.
 * A separate authority, not a self-signed server certificate, because tools outside the JVM (Node's
 * {@code NODE_EXTRA_CA_CERTS}, curl's {@code --cacert}) expect a CA there.
 */
final class StubTls {
  final HeldCertificate authority;
  final HandshakeCertificates server;
  final HandshakeCertificates client;
  final OkHttpClient httpClient;

  StubTls(String fileHost) {
    authority = new HeldCertificate.Builder()
        .certificateAuthority(0)
        .commonName("replicate4j stub relay CA")
        .build();
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    names.add(fileHost.startsWith("[") ? fileHost.substring(1, fileHost.length() - 1) : fileHost);
    HeldCertificate.Builder leaf = new HeldCertificate.Builder()
        .commonName("localhost")
        .signedBy(authority);
    names.forEach(leaf::addSubjectAlternativeName);
    server = new HandshakeCertificates.Builder()
        .heldCertificate(leaf.build(), authority.certificate())
        .build();
    client = new HandshakeCertificates.Builder()
        .addTrustedCertificate(authority.certificate())
        .build();
    httpClient = new OkHttpClient.Builder()
        .sslSocketFactory(client.sslSocketFactory(), client.trustManager())
        .dispatcher(new Dispatcher(daemonThreads()))
        // As the SDK's own client: connect on the calling thread, drop idle connections soon.
        .fastFallback(false)
        .connectionPool(new ConnectionPool(5, 4, TimeUnit.SECONDS))
        .build();
  }

  void close() {
    httpClient.dispatcher().cancelAll();
    httpClient.dispatcher().executorService().shutdown();
    httpClient.connectionPool().evictAll();
  }

  /** OkHttp's default dispatcher pool, with daemon threads: a stub must not keep a JVM alive. */
  private static ExecutorService daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "stub-relay-client-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}

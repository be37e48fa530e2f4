package dev.replicate4j;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps output downloads away from link-local addresses and cloud metadata services, which a
 * server-supplied link could otherwise reach from a cloud machine, and, when the builder lists
 * download hosts, away from every other host.
 *
 * <p>Three checks, because OkHttp resolves only names: as the download client's {@link Dns}, it
 * refuses a name before connecting, redirects included; as an application interceptor, it refuses
 * a literal address in the link before connecting; as a network interceptor, it checks the address
 * actually connected to (a redirect to a literal address) before any byte of the request is sent.
 */
final class DownloadGuard implements Dns, Interceptor {
  /**
   * A refusal as OkHttp carries it: its {@link Dns} may throw only an {@link UnknownHostException}.
   * {@link OutputDownloader} turns it into a {@link DownloadRefusedException}.
   */
  static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** Names cloud providers give their metadata services (GCP, AWS), without a trailing dot. */
  private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal",
      "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal");

  private final Dns dns;
  private final boolean allowLinkLocal;
  /** Allowed hosts in lower case, a leading {@code *.} for any subdomain; empty allows any. */
  private final List<String> hosts;

  DownloadGuard(Dns dns, boolean allowLinkLocal, List<String> hosts) {
    this.dns = dns;
    this.allowLinkLocal = allowLinkLocal;
    this.hosts = List.copyOf(hosts);
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    checkName(hostname);
    List<InetAddress> addresses = dns.lookup(hostname);
    for (InetAddress address : addresses) {
      checkAddress(hostname, address);
    }
    return addresses;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    checkName(url.host());
    InetAddress literal = literal(url.host());
    if (literal != null) {
      checkAddress(url.host(), literal);
    }
    Connection connection = chain.connection();
    if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
      InetSocketAddress connected = connection.route().socketAddress();
      checkAddress(url.host(), connected.getAddress());
    }
    return chain.proceed(chain.request());
  }

  private void checkName(String host) throws Refused {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (!hosts.isEmpty() && !listed(name)) {
      throw new Refused("Refused to download from " + host
          + ": not one of the download hosts the client allows (" + String.join(", ", hosts)
          + ")");
    }
    if (!allowLinkLocal && METADATA_NAMES.contains(name)) {
      throw new Refused("Refused to download from " + host
          + ": a cloud metadata service name (allowLinkLocalDownloads(true) on the client's"
          + " builder permits it)");
    }
  }

  private boolean listed(String name) {
    for (String allowed : hosts) {
      if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) : name.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  private void checkAddress(String host, InetAddress address) throws Refused {
    if (!allowLinkLocal && forbidden(address)) {
      throw new Refused("Refused to download from " + host + ": it resolves to "
          + address.getHostAddress() + ", a link-local address where cloud metadata services"
          + " live (allowLinkLocalDownloads(true) on the client's builder permits it)");
    }
  }

  /** 169.254.0.0/16, fe80::/10, and AWS's IPv6 metadata address fd00:ec2::254. */
  static boolean forbidden(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
        return true;
      }
      if (isMappedOrCompatibleV4(b)) {
        return (b[12] & 0xff) == 169 && (b[13] & 0xff) == 254;
      }
      return address.getHostAddress().startsWith("fd00:ec2:0:0:0:0:0:254");
    }
    return false;
  }

  /** {@code ::ffff:a.b.c.d}, which Java keeps as IPv6 when built from bytes. */
  private static boolean isMappedOrCompatibleV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }

  /** The address a host of a URL spells literally, or null for a name. */
  private static InetAddress literal(String host) {
    boolean v6 = host.indexOf(':') >= 0;
    boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!v6 && !v4) {
      return null;
    }
    try {
      // A literal is parsed, never looked up.
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

package dev.replicate4j;

import java.util.Locale;

/** Which hosts may be spoken to over plain http: only this machine. */
final class Hosts {
  private Hosts() {}

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}

package dev.replicate4j;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fails a client's construction with a clear message when the OkHttp or Okio on the classpath is
 * not one the SDK can run on, rather than a {@link NoSuchMethodError} deep inside the first request.
 * Consumers meet this when another BOM (Spring Boot's, say) manages OkHttp 4 or an old Okio.
 */
final class ClasspathCheck {
  private static final String FIX = "Import dev.replicate4j:replicate4j-bom:" + BuildInfo.CURRENT.version
      + " in <dependencyManagement> before any other BOM that manages OkHttp, Okio or Kotlin"
      + " (such as spring-boot-dependencies), and do not depend on com.squareup.okhttp3:okhttp 4.x.";

  private static volatile boolean passed;

  private ClasspathCheck() {}

  /** Checks the classpath of the SDK's own class loader once per JVM. */
  static void verify() {
    if (passed) {
      return;
    }
    String problem = problem(ClasspathCheck.class.getClassLoader());
    if (problem != null) {
      throw new ReplicateException(problem);
    }
    passed = true;
  }

  /** What is wrong with the OkHttp and Okio that {@code loader} sees, or null when nothing is. */
  static String problem(ClassLoader loader) {
    List<String> okhttpCopies = copies(loader, "okhttp3/OkHttpClient.class");
    if (okhttpCopies.size() > 1) {
      return "replicate4j needs one OkHttp " + BuildInfo.CURRENT.okhttpVersion
          + " on the classpath, but found " + okhttpCopies.size() + " copies: "
          + String.join(", ", okhttpCopies) + ". " + FIX;
    }
    String okhttp = okhttpVersion(loader);
    if (okhttp == null || !okhttp.startsWith("5.")) {
      return "replicate4j needs OkHttp " + BuildInfo.CURRENT.okhttpVersion + " (5.x), but found "
          + (okhttp == null ? "none" : okhttp) + where(okhttpCopies) + ". " + FIX;
    }
    List<String> okioCopies = copies(loader, "okio/Okio.class");
    if (okioCopies.size() > 1) {
      return "replicate4j needs one Okio " + BuildInfo.CURRENT.okioVersion
          + " on the classpath, but found " + okioCopies.size() + " copies: "
          + String.join(", ", okioCopies) + ". " + FIX;
    }
    if (!okioHasSockets(loader)) {
      return "replicate4j needs Okio " + BuildInfo.CURRENT.okioVersion + " or newer (OkHttp "
          + okhttp + " calls okio.Okio.socket(Socket)), but found an older one"
          + where(okioCopies) + ". " + FIX;
    }
    return null;
  }

  private static String okhttpVersion(ClassLoader loader) {
    try {
      Field version = Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION");
      return String.valueOf(version.get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static boolean okioHasSockets(ClassLoader loader) {
    try {
      Class.forName("okio.Okio", false, loader).getMethod("socket", java.net.Socket.class);
      return true;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** The jars (or folders) that hold {@code resource}, by file name. */
  private static List<String> copies(ClassLoader loader, String resource) {
    List<String> found = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        found.add(jarName(url.toString(), resource));
      }
    } catch (IOException e) {
      found.add("(classpath unreadable: " + e.getMessage() + ")");
    }
    return found;
  }

  static String jarName(String url, String resource) {
    String location = url.endsWith(resource) ? url.substring(0, url.length() - resource.length()) : url;
    location = location.replaceAll("!?/+$", "");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String where(List<String> copies) {
    return copies.isEmpty() ? "" : " (in " + copies.get(0) + ")";
  }
}

package dev.replicate4j.stub;

/**
 * Where a request goes: its kind plus the prediction id and file name taken from the path;
 * {@code allowed} is set when the path is known but the method is not: the methods it allows, for
 * a 405.
 */
record Route(RequestKind kind, String predictionId, String fileName, String allowed) {
  static final String API_PREFIX = "/replicate/v1/predictions";
  static final String FILES_PREFIX = "/files/";

  static Route of(String method, String path) {
    if (path.equals(API_PREFIX)) {
      if (method.equals("POST")) {
        return new Route(RequestKind.CREATE, null, null, null);
      }
      return method.equals("GET") ? new Route(RequestKind.LIST, null, null, null)
          : notAllowed("GET, POST");
    }
    if (path.startsWith(API_PREFIX + "/")) {
      String[] parts = path.substring(API_PREFIX.length() + 1).split("/", -1);
      if (parts.length == 1 && !parts[0].isEmpty()) {
        return method.equals("GET") ? new Route(RequestKind.GET, parts[0], null, null)
            : notAllowed("GET");
      }
      if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("cancel")) {
        return method.equals("POST") ? new Route(RequestKind.CANCEL, parts[0], null, null)
            : notAllowed("POST");
      }
    }
    if (path.startsWith(FILES_PREFIX)) {
      String[] parts = path.substring(FILES_PREFIX.length()).split("/", -1);
      if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
        return method.equals("GET") ? new Route(RequestKind.FILE, parts[0], parts[1], null)
            : notAllowed("GET");
      }
    }
    return new Route(RequestKind.OTHER, null, null, null);
  }

  private static Route notAllowed(String allowed) {
    return new Route(RequestKind.OTHER, null, null, allowed);
  }
}

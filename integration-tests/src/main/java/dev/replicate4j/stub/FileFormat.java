package dev.replicate4j.stub;

/** A file type the stub serves as output. */
enum FileFormat {
  PNG("image/png", "png"),
  /** A PNG with transparent pixels, as a background remover gives. */
  RGBA_PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  WEBP("image/webp", "webp"),
  GIF("image/gif", "gif"),
  MP4("video/mp4", "mp4");

  final String contentType;
  final String extension;

  FileFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The format for a flux {@code output_format} value (webp, jpg, png). */
  static FileFormat ofOutputFormat(String value) {
    switch (value) {
      case "jpg":
        return JPEG;
      case "png":
        return PNG;
      default:
        return WEBP;
    }
  }
}

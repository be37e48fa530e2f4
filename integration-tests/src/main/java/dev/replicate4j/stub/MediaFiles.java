package dev.replicate4j.stub;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Small but valid files of each output format, different per variant where the format allows. */
final class MediaFiles {
  private static final int SIZE = 16;

  /** A 1x1 lossless WebP (RIFF header, VP8L chunk of 13 bytes plus its padding byte). */
  private static final byte[] WEBP = {
      'R', 'I', 'F', 'F', 0x1a, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P',
      'V', 'P', '8', 'L', 0x0d, 0x00, 0x00, 0x00,
      0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe,
      0x07, 0x00};

  private static final String MP4_RESOURCE = "media/tiny.mp4";
  private static volatile byte[] mp4;
  /** Variants are output indexes, so the cache stays small. */
  private static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

  private MediaFiles() {}

  /**
   * Rendered once per format and variant: encoding an image costs more than the rest of a request,
   * and a scale run asks for the same few thousands of times.
   */
  static byte[] render(FileFormat format, int variant) {
    return RENDERED.computeIfAbsent(format + "/" + variant, k -> renderNew(format, variant)).clone();
  }

  private static byte[] renderNew(FileFormat format, int variant) {
    switch (format) {
      case PNG:
        return encode(picture(BufferedImage.TYPE_INT_RGB, variant, false), "png");
      case RGBA_PNG:
        return encode(picture(BufferedImage.TYPE_INT_ARGB, variant, true), "png");
      case JPEG:
        return encode(picture(BufferedImage.TYPE_INT_RGB, variant, false), "jpg");
      case GIF:
        return encode(picture(BufferedImage.TYPE_BYTE_INDEXED, variant, false), "gif");
      case WEBP:
        return WEBP.clone();
      case MP4:
        return mp4().clone();
      default:
        throw new IllegalArgumentException("No media for " + format);
    }
  }

  /** A gradient whose hue depends on the variant; with a transparent border when asked. */
  private static BufferedImage picture(int type, int variant, boolean transparentBorder) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, type);
    Graphics2D g = image.createGraphics();
    try {
      float hue = (variant * 0.13f) % 1f;
      for (int y = 0; y < SIZE; y++) {
        g.setColor(Color.getHSBColor(hue, 0.8f, 0.4f + 0.6f * y / SIZE));
        g.fillRect(0, y, SIZE, 1);
      }
    } finally {
      g.dispose();
    }
    if (transparentBorder) {
      for (int i = 0; i < SIZE; i++) {
        image.setRGB(i, 0, 0);
        image.setRGB(i, SIZE - 1, 0);
        image.setRGB(0, i, 0);
        image.setRGB(SIZE - 1, i, 0);
      }
    }
    return image;
  }

  private static byte[] encode(BufferedImage image, String formatName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, formatName, out)) {
        throw new IllegalStateException("This JDK has no ImageIO writer for " + formatName);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] mp4() {
    byte[] bytes = mp4;
    if (bytes == null) {
      try (InputStream in = MediaFiles.class.getResourceAsStream(MP4_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + MP4_RESOURCE + " next to "
              + MediaFiles.class.getName());
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      mp4 = bytes;
    }
    return bytes;
  }
}

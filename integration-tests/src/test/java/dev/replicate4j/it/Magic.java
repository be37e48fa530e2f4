package dev.replicate4j.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** File types told from their first bytes, the way a browser or `file` would. */
enum Magic {
  PNG {
    @Override
    boolean matches(byte[] b) {
      return startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    }
  },
  JPEG {
    @Override
    boolean matches(byte[] b) {
      return startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    }
  },
  GIF {
    @Override
    boolean matches(byte[] b) {
      return startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"));
    }
  },
  WEBP {
    @Override
    boolean matches(byte[] b) {
      return startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"));
    }
  },
  MP4 {
    @Override
    boolean matches(byte[] b) {
      return startsWith(b, 4, ascii("ftyp"));
    }
  };

  abstract boolean matches(byte[] bytes);

  /** The type of a file, or null if none matches. */
  static Magic of(byte[] bytes) {
    return Arrays.stream(values()).filter(m -> m.matches(bytes)).findFirst().orElse(null);
  }

  /** PNG colour type 6 (RGBA) in the IHDR chunk: the image has an alpha channel. */
  static boolean isRgbaPng(byte[] b) {
    return PNG.matches(b) && b.length > 25 && startsWith(b, 12, ascii("IHDR")) && b[25] == 6;
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

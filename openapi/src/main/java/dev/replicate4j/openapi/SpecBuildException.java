package dev.replicate4j.openapi;

/** A reason the corrected spec cannot be built; the message says what to do. */
final class SpecBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpecBuildException(String message) {
        super(message);
    }

    SpecBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}

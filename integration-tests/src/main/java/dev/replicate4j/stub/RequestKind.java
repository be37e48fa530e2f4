package dev.replicate4j.stub;

/** The kinds of request the stub relay tells apart, for fault injection and for the journal. */
public enum RequestKind {
  /** {@code POST /replicate/v1/predictions}: create a prediction. */
  CREATE,
  /** {@code GET /replicate/v1/predictions/{id}}: read one prediction. */
  GET,
  /** {@code POST /replicate/v1/predictions/{id}/cancel}: cancel a prediction. */
  CANCEL,
  /** {@code GET /replicate/v1/predictions}: list predictions, newest first. */
  LIST,
  /** {@code GET /files/{id}/{name}}: download an output file (no authentication). */
  FILE,
  /** Anything else; answered 404 or 405. Faults cannot target it. */
  OTHER
}

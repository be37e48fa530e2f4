package dev.replicate4j;

/** The prediction ended before it started running, for example because its deadline passed first. */
public class PredictionAbortedException extends PredictionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param prediction the aborted prediction
   */
  public PredictionAbortedException(Prediction prediction) {
    super(prediction.subject()
        + " was aborted before it started running", prediction);
  }
}

package dev.replicate4j;

/** The prediction was canceled, by a user or at its deadline, while running. */
public class PredictionCanceledException extends PredictionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param prediction the canceled prediction
   */
  public PredictionCanceledException(Prediction prediction) {
    super(prediction.subject() + " was canceled",
        prediction);
  }
}

package dev.replicate4j;

/** The model failed; {@link Prediction#error()} and {@link Prediction#logs()} say why. */
public class PredictionFailedException extends PredictionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param prediction the failed prediction
   */
  public PredictionFailedException(Prediction prediction) {
    super(prediction.subject() + " failed: "
        + prediction.error().map(e -> MessageText.abbreviate(e, 2000)).orElse("no error message"),
        prediction);
  }
}

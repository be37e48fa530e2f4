package dev.replicate4j;

/**
 * The prediction succeeded but its output was deleted ({@code data_removed}); the server removes
 * files about an hour after completion. Run the prediction again.
 */
public class OutputExpiredException extends PredictionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param prediction the prediction whose output is gone
   */
  public OutputExpiredException(Prediction prediction) {
    super(prediction.subject()
        + " succeeded but its output has expired and was removed by the server (data_removed);"
        + " run it again", prediction);
  }
}

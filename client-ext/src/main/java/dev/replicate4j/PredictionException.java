package dev.replicate4j;

/**
 * A prediction ended without output: failed, canceled or aborted. Carries the final prediction, with
 * its error and logs.
 */
public class PredictionException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  private final transient Prediction prediction;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param prediction the final prediction
   */
  public PredictionException(String message, Prediction prediction) {
    super(message);
    this.prediction = prediction;
  }

  /**
   * The prediction as it ended.
   *
   * @return the prediction
   */
  public Prediction prediction() {
    return prediction;
  }

  static PredictionException forTerminal(Prediction p) {
    switch (p.status()) {
      case FAILED:
        return new PredictionFailedException(p);
      case CANCELED:
        return new PredictionCanceledException(p);
      case ABORTED:
        return new PredictionAbortedException(p);
      default:
        throw new IllegalStateException("not an unsuccessful terminal status: " + p.shownStatus());
    }
  }
}

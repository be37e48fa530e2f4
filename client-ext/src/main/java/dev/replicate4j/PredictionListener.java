package dev.replicate4j;

/**
 * Hears what changes while a prediction is waited on. Each status change, each new piece of the logs
 * and each new progress value is reported once, in the order they happened: a new status before
 * the logs seen with it, except the end (succeeded, failed, canceled, aborted), which comes after
 * the last logs and progress, as the last callback. Callbacks run on the client's threads: keep
 * them short and do not block.
 */
public interface PredictionListener {
  /**
   * The status changed (reported for the first state seen too, with {@code previous} null).
   * Unknown statuses are reported as {@link PredictionStatus#UNKNOWN}; the raw text is in
   * {@link Prediction#rawStatus()}.
   *
   * @param prediction the prediction as just seen
   * @param previous the status before, or null for the first one seen
   */
  default void onStatusChange(Prediction prediction, PredictionStatus previous) {}

  /**
   * New log text was written since the last report.
   *
   * @param prediction the prediction as just seen
   * @param newLogs only the text not reported before
   */
  default void onLogs(Prediction prediction, String newLogs) {}

  /**
   * The model reported progress in its logs (tqdm-style lines such as {@code 45%|####  | 23/50}).
   *
   * @param prediction the prediction as just seen
   * @param fraction progress in [0, 1]
   */
  default void onProgress(Prediction prediction, double fraction) {}
}

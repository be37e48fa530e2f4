package dev.replicate4j;

import java.time.Duration;

/**
 * The local wait passed its deadline before the prediction finished. Unless
 * {@link #remoteCanceled()} says otherwise, the prediction may still be running on the server:
 * resume it with {@link ReplicateClient#resume(String)}.
 */
public class PredictionTimeoutException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  private final String predictionId;
  private final transient Prediction lastSeen;
  private final boolean remoteCanceled;

  /**
   * Creates the exception.
   *
   * @param predictionId the prediction's id
   * @param lastSeen the last state seen
   * @param deadline the deadline that passed
   * @param remoteCanceled whether the remote prediction was canceled as a result
   */
  public PredictionTimeoutException(String predictionId, Prediction lastSeen, Duration deadline,
      boolean remoteCanceled) {
    super("Gave up waiting for prediction " + predictionId + " after " + deadline
        + " (last status: " + (lastSeen == null ? "unknown" : lastSeen.shownStatus()) + "); "
        + (remoteCanceled ? "the remote prediction was asked to cancel"
            : "it may still be running on the server"));
    this.predictionId = predictionId;
    this.lastSeen = lastSeen;
    this.remoteCanceled = remoteCanceled;
  }

  /** The deadline passed while the create was still in flight: no id, nothing to cancel. */
  PredictionTimeoutException(Duration deadline, ReplicateException createFailure) {
    super("Gave up creating the prediction after " + deadline + ": the deadline passed while the"
        + " create was in flight; without an id it could not be canceled"
        + (createFailure.mayHaveCreated() ? MAY_HAVE_CREATED : ""), createFailure,
        createFailure.mayHaveCreated());
    this.predictionId = null;
    this.lastSeen = null;
    this.remoteCanceled = false;
  }

  /**
   * The prediction's id.
   *
   * @return the id, or null if the deadline passed before the create answered
   */
  public String predictionId() {
    return predictionId;
  }

  /**
   * The last state seen before giving up.
   *
   * @return the prediction
   */
  public Prediction lastSeen() {
    return lastSeen;
  }

  /**
   * Whether the client asked the server to cancel the prediction when the deadline passed.
   *
   * @return true if a remote cancel was sent and accepted
   */
  public boolean remoteCanceled() {
    return remoteCanceled;
  }
}

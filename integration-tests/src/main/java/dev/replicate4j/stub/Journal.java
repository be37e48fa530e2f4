package dev.replicate4j.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Everything that reached the stub, in arrival order, and every webhook delivery attempt it made.
 * Safe to read from the test thread while requests are being served.
 */
public final class Journal {
  private final List<RecordedCall> calls = new ArrayList<>();
  private final List<WebhookDelivery> deliveries = new ArrayList<>();

  Journal() {}

  /** Records a request; the factory gets the request's position so numbering has no gaps. */
  synchronized RecordedCall record(IntFunction<RecordedCall> call) {
    RecordedCall recorded = call.apply(calls.size());
    calls.add(recorded);
    return recorded;
  }

  synchronized void record(WebhookDelivery delivery) {
    deliveries.add(delivery);
    notifyAll();
  }

  /**
   * Every request, oldest first.
   *
   * @return a copy
   */
  public synchronized List<RecordedCall> requests() {
    return List.copyOf(calls);
  }

  /**
   * The requests of one kind, oldest first.
   *
   * @param kind the kind
   * @return a copy
   */
  public List<RecordedCall> requests(RequestKind kind) {
    return filter(call -> call.kind() == kind);
  }

  /**
   * The create requests, including rejected ones.
   *
   * @return a copy, oldest first
   */
  public List<RecordedCall> creates() {
    return requests(RequestKind.CREATE);
  }

  /**
   * The get requests for one prediction.
   *
   * @param predictionId the prediction's id
   * @return a copy, oldest first
   */
  public List<RecordedCall> gets(String predictionId) {
    return filter(call -> call.kind() == RequestKind.GET
        && call.predictionId().filter(predictionId::equals).isPresent());
  }

  /**
   * The cancel requests for one prediction.
   *
   * @param predictionId the prediction's id
   * @return a copy, oldest first
   */
  public List<RecordedCall> cancels(String predictionId) {
    return filter(call -> call.kind() == RequestKind.CANCEL
        && call.predictionId().filter(predictionId::equals).isPresent());
  }

  /**
   * The file downloads.
   *
   * @return a copy, oldest first
   */
  public List<RecordedCall> files() {
    return requests(RequestKind.FILE);
  }

  /**
   * How many requests of a kind arrived.
   *
   * @param kind the kind
   * @return the count
   */
  public int count(RequestKind kind) {
    return requests(kind).size();
  }

  /**
   * Every webhook delivery attempt, oldest first.
   *
   * @return a copy
   */
  public synchronized List<WebhookDelivery> webhookDeliveries() {
    return List.copyOf(deliveries);
  }

  /**
   * The webhook delivery attempts for one prediction, oldest first.
   *
   * @param predictionId the prediction's id
   * @return a copy
   */
  public synchronized List<WebhookDelivery> webhookDeliveries(String predictionId) {
    List<WebhookDelivery> result = new ArrayList<>();
    for (WebhookDelivery d : deliveries) {
      if (d.predictionId().equals(predictionId)) {
        result.add(d);
      }
    }
    return result;
  }

  /**
   * Waits until at least {@code count} delivery attempts for a prediction are recorded, or the
   * timeout passes; deliveries are made on a background thread.
   *
   * @param predictionId the prediction's id
   * @param count how many attempts to wait for
   * @param timeout the longest wait
   * @return the attempts recorded by then (check the size: it may be fewer)
   */
  public synchronized List<WebhookDelivery> awaitWebhookDeliveries(
      String predictionId, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (webhookDeliveries(predictionId).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return webhookDeliveries(predictionId);
  }

  /** Forgets every request and delivery recorded so far. */
  public synchronized void clear() {
    calls.clear();
    deliveries.clear();
  }

  private synchronized List<RecordedCall> filter(Predicate<RecordedCall> test) {
    List<RecordedCall> result = new ArrayList<>();
    for (RecordedCall call : calls) {
      if (test.test(call)) {
        result.add(call);
      }
    }
    return result;
  }
}

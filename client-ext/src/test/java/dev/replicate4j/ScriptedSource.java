package dev.replicate4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Answers polls from a script; the last answer repeats. Records what was asked. */
final class ScriptedSource implements Waiter.Source {
  private final Deque<Object> answers = new ArrayDeque<>();
  private Object last;
  int gets;
  final List<String> cancels = new ArrayList<>();
  Prediction cancelAnswer;
  /** False for a cancel that never answers. */
  boolean cancelAnswers = true;

  ScriptedSource then(Object predictionOrError) {
    answers.add(predictionOrError);
    return this;
  }

  @Override
  public synchronized CompletableFuture<Prediction> get(String id,
      java.time.Duration timeout) {
    gets++;
    Object answer = answers.isEmpty() ? last : answers.poll();
    last = answer;
    return answer instanceof Throwable ? CompletableFuture.failedFuture((Throwable) answer)
        : CompletableFuture.completedFuture((Prediction) answer);
  }

  @Override
  public synchronized CompletableFuture<Prediction> cancel(String id) {
    cancels.add(id);
    if (!cancelAnswers) {
      return new CompletableFuture<>();
    }
    return CompletableFuture.completedFuture(cancelAnswer != null ? cancelAnswer
        : PredictionJson.withStatus("canceled", ""));
  }
}

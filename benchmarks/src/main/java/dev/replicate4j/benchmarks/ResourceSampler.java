package dev.replicate4j.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM while the scale run goes on: live threads (JMX peak count, and every 5 ms which
 * threads are new since the start, by name), heap in use (sampled every 5 ms, garbage included) and
 * heap left after each garbage collection (the live data).
 *
 * <p>Threads alive before {@link #start()} are the JVM's and the harness's main thread; the
 * sampler's own thread is named {@code bench-sampler}; every other thread started afterwards is
 * counted as the SDK's.
 */
final class ResourceSampler {
  static final String SAMPLER_THREAD = "bench-sampler";
  private static final long PERIOD_MILLIS = 5;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Set<Long> baselineThreads = new HashSet<>();
  /** Every name each new thread was seen with: OkHttp renames its threads while they work. */
  private final Map<Long, Set<String>> sdkThreadNames = new HashMap<>();
  private final Set<String> heapPools = new HashSet<>();
  private final AtomicLong peakAfterGc = new AtomicLong(-1);
  private final AtomicInteger collections = new AtomicInteger();
  private final NotificationListener gcListener = this::onGc;
  private volatile boolean running;
  private Thread sampler;
  private int peakSdkThreads;
  private long peakHeapUsed;
  private long baselineHeap;
  private long startedBefore;

  void start() {
    System.gc();
    baselineHeap = memory.getHeapMemoryUsage().getUsed();
    for (long id : threads.getAllThreadIds()) {
      baselineThreads.add(id);
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(gcListener, null, null);
    }
    running = true;
    sampler = new Thread(this::loop, SAMPLER_THREAD);
    sampler.setDaemon(true);
    startedBefore = threads.getTotalStartedThreadCount();
    threads.resetPeakThreadCount();
    sampler.start();
  }

  /** Stops sampling and returns what was seen, as {@code key=value} pairs. */
  Map<String, String> stop() throws InterruptedException {
    running = false;
    sampler.join();
    sample();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(gcListener);
      } catch (javax.management.ListenerNotFoundException e) {
        throw new IllegalStateException("The GC listener was not registered", e);
      }
    }
    return Map.of(
        "baseline_threads", String.valueOf(baselineThreads.size()),
        "peak_threads", String.valueOf(threads.getPeakThreadCount()),
        "peak_sdk_threads", String.valueOf(peakSdkThreads),
        // The sampler is the one thread started by the harness itself.
        "threads_started", String.valueOf(threads.getTotalStartedThreadCount() - startedBefore - 1),
        "sdk_threads_by_kind", threadsByKind(),
        "baseline_heap", String.valueOf(baselineHeap),
        "peak_heap_used", String.valueOf(peakHeapUsed),
        "peak_heap_after_gc", String.valueOf(peakAfterGc.get()),
        "collections", String.valueOf(collections.get()),
        "max_heap_mb", String.valueOf(memory.getHeapMemoryUsage().getMax() >> 20));
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private synchronized void sample() {
    peakHeapUsed = Math.max(peakHeapUsed, memory.getHeapMemoryUsage().getUsed());
    int sdk = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info == null || baselineThreads.contains(info.getThreadId())
          || info.getThreadName().equals(SAMPLER_THREAD)) {
        continue;
      }
      sdk++;
      sdkThreadNames.computeIfAbsent(info.getThreadId(), id -> new TreeSet<>())
          .add(info.getThreadName());
    }
    peakSdkThreads = Math.max(peakSdkThreads, sdk);
  }

  /**
   * The SDK's threads by what they are, from the names they had: {@code replicate4j-http-N}
   * (dispatcher), {@code replicate4j-poll-N} (scheduler), {@code replicate4j-deadlines-N} (the
   * call deadlines' checks), OkHttp's shared TaskRunner (connects, pool cleanup), Okio's timeout
   * watchdog.
   */
  private synchronized String threadsByKind() {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Set<String> names : sdkThreadNames.values()) {
      kinds.merge(kind(names), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    kinds.forEach((kind, count) -> out.append(out.length() == 0 ? "" : ";").append(count)
        .append('_').append(kind));
    return out.toString();
  }

  private static String kind(Set<String> names) {
    for (String name : names) {
      if (name.startsWith("replicate4j-http-")) {
        return "replicate4j-http_(dispatcher)";
      } else if (name.startsWith("replicate4j-poll-")) {
        return "replicate4j-poll_(scheduler)";
      } else if (name.startsWith("replicate4j-deadlines-")) {
        return "replicate4j-deadlines_(call_deadlines)";
      } else if (name.startsWith("OkHttp TaskRunner") || name.startsWith("OkHttp connect")) {
        return "OkHttp_TaskRunner_(connects,_cleanup)";
      } else if (name.equals("Okio Watchdog")) {
        return "Okio_Watchdog";
      }
    }
    return String.join("/", names).replaceAll("\\d+", "N");
  }

  private void onGc(Notification notification, Object handback) {
    if (!notification.getType().equals(
        GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long live = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        live += pool.getValue().getUsed();
      }
    }
    collections.incrementAndGet();
    peakAfterGc.accumulateAndGet(live, Math::max);
  }
}

package dev.replicate4j.stub;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** The configuration a {@link StubRelayBuilder} collected, checked and frozen. */
final class Settings {
  final String apiKey;
  final int port;
  final Schedule schedule;
  final Map<String, Schedule> schedulesByModel;
  final boolean honourPrefer;
  final boolean honourCancelAfter;
  final Duration cancelAfterMinimum;
  final SuccessCodes successCodes;
  final String webhookSecret;
  final int webhookAttempts;
  final Duration webhookBackoff;
  final int listPageSize;
  /** The host of output file URLs, bracketed if an IPv6 address. */
  final String fileHost;
  final boolean https;
  final boolean ipv6;
  final ModelTable models;
  final Function<Map<String, Object>, LogShape> logShapes;

  Settings(StubRelayBuilder b) {
    this.apiKey = b.apiKey;
    this.port = b.port;
    this.schedule = b.schedule;
    this.schedulesByModel = Map.copyOf(b.schedulesByModel);
    this.honourPrefer = b.honourPrefer;
    this.honourCancelAfter = b.honourCancelAfter;
    this.cancelAfterMinimum = b.cancelAfterMinimum;
    this.successCodes = b.successCodes;
    this.webhookSecret = b.webhookSecret;
    this.webhookAttempts = b.webhookAttempts;
    this.webhookBackoff = b.webhookBackoff;
    this.listPageSize = b.listPageSize;
    this.https = b.https;
    this.ipv6 = b.ipv6;
    String host = b.fileHost != null ? b.fileHost : ipv6 ? "::1" : "localhost";
    this.fileHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    this.models = ModelTable.standard().with(b.models);
    this.logShapes = b.logShapes;
  }

  Schedule scheduleFor(String model) {
    return schedulesByModel.getOrDefault(model, schedule);
  }
}

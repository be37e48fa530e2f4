/**
 * Receiving webhooks: check that a delivery is authentic and timely, and process each one once.
 *
 * <p>A prediction created with a webhook URL is announced to that URL, one signed POST per event it
 * asked for. A receiver, whatever its web framework:
 *
 * <ol>
 *   <li>reads the body as raw bytes: the signature covers those exact bytes, so verify before any
 *       JSON parsing or re-encoding;
 *   <li>verifies with a shared {@link dev.replicate4j.webhooks.WebhookVerifier}; a {@link
 *       dev.replicate4j.webhooks.WebhookVerificationException} is answered with 400 and the body is
 *       ignored;
 *   <li>de-duplicates by {@code webhook-id} with a {@link
 *       dev.replicate4j.webhooks.WebhookDeduplicator} (or a unique key in its own database): the
 *       sender retries when it gets no 2xx in time, with the same id, so a repeat is answered 2xx
 *       and not processed again;
 *   <li>hands the prediction to other work and answers 2xx at once, since a slow answer looks like
 *       a failure to the sender and causes a retry.
 * </ol>
 *
 * <p>The prediction's {@link dev.replicate4j.Prediction#status() status} says which stage the event
 * reports. Events may arrive out of order: compare with what is already known (a terminal status
 * is final) rather than assuming the last delivery is the latest state.
 */
package dev.replicate4j.webhooks;

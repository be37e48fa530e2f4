package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.ID;
import static dev.replicate4j.webhooks.Deliveries.SECRET;
import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change any signed part, the signature or the key, and the delivery is rejected. */
class WebhookVerifierTamperTest {
  private static final String TS = Long.toString(TIMESTAMP);
  private static final byte[] BODY = Deliveries.prediction("p1", "succeeded");
  private static final String VALID = Deliveries.sign(SECRET, ID, TS, BODY);

  private final WebhookVerifier verifier = Deliveries.verifier();

  @Test
  void theUntamperedDeliveryPasses() {
    // The baseline every tamper below departs from: without it a rejection would prove nothing.
    assertThat(verifier.verify(Deliveries.headers(ID, TS, "v1," + VALID), BODY).id())
        .isEqualTo(ID);
  }

  @Test
  void rejectsAnotherId() {
    assertBadSignature(Deliveries.headers(ID + "x", TS, "v1," + VALID), BODY);
  }

  @Test
  void rejectsAnotherTimestampEvenWithinTheTolerance() {
    String oneSecondLater = Long.toString(TIMESTAMP + 1);
    assertBadSignature(Deliveries.headers(ID, oneSecondLater, "v1," + VALID), BODY);
  }

  @Test
  void rejectsTheSameTimestampWrittenDifferently() {
    // 0-padded is the same instant but not the signed text.
    assertBadSignature(Deliveries.headers(ID, "0" + TS, "v1," + VALID), BODY);
  }

  @Test
  void rejectsEveryBodyWithOneBitChanged() {
    for (int at = 0; at < BODY.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = BODY.clone();
        tampered[at] ^= (byte) (1 << bit);
        assertBadSignature(Deliveries.headers(ID, TS, "v1," + VALID), tampered);
      }
    }
  }

  @Test
  void rejectsATruncatedOrExtendedBody() {
    byte[] shorter = java.util.Arrays.copyOf(BODY, BODY.length - 1);
    byte[] longer = java.util.Arrays.copyOf(BODY, BODY.length + 1);
    longer[BODY.length] = '\n';
    assertBadSignature(Deliveries.headers(ID, TS, "v1," + VALID), shorter);
    assertBadSignature(Deliveries.headers(ID, TS, "v1," + VALID), longer);
  }

  @Test
  void rejectsEverySignatureWithOneBitChanged() {
    // Tamper with the decoded bytes: changing a base64 character may only touch padding bits.
    for (int at = 0; at < 32; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] signature = Base64.getDecoder().decode(VALID);
        signature[at] ^= (byte) (1 << bit);
        String tampered = Base64.getEncoder().encodeToString(signature);
        assertBadSignature(Deliveries.headers(ID, TS, "v1," + tampered), BODY);
      }
    }
  }

  @Test
  void rejectsASignatureMadeWithAnotherKey() {
    String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    assertBadSignature(
        Deliveries.headers(ID, TS, "v1," + Deliveries.sign(other, ID, TS, BODY)), BODY);
  }

  @Test
  void rejectsAKeyThatDiffersInOneBit() {
    byte[] key = Deliveries.key(SECRET);
    key[0] ^= 1;
    WebhookVerifier offByOneBit = WebhookVerifier.builder()
        .secret("whsec_" + Base64.getEncoder().encodeToString(key))
        .clock(Deliveries.clockAt(TIMESTAMP))
        .build();

    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> offByOneBit.verify(Deliveries.headers(ID, TS, "v1," + VALID), BODY));
    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void acceptsOneValidV1EntryAmongInvalidOnes() {
    String wrong1 = Deliveries.sign(SECRET, "other", TS, BODY);
    String wrong2 = Base64.getEncoder().encodeToString(new byte[32]);
    for (String header : List.of(
        "v1," + VALID + " v1," + wrong1 + " v1," + wrong2,
        "v1," + wrong1 + " v1," + VALID + " v1," + wrong2,
        "v1," + wrong1 + " v1," + wrong2 + " v1," + VALID,
        "v1a,c29tZXRoaW5nIGVsc2U= v2,whatever v1," + VALID,
        "v1," + wrong1 + "  v1," + VALID)) {
      assertThat(verifier.verify(Deliveries.headers(ID, TS, header), BODY).id())
          .as(header).isEqualTo(ID);
    }
  }

  @Test
  void rejectsSeveralV1EntriesWhenNoneMatches() {
    String wrong1 = Deliveries.sign(SECRET, "other", TS, BODY);
    String wrong2 = Base64.getEncoder().encodeToString(new byte[32]);
    WebhookVerificationException e = assertBadSignature(
        Deliveries.headers(ID, TS, "v1," + wrong1 + " v1," + wrong2), BODY);
    assertThat(e).hasMessageContaining("none of the 2 v1 signatures matches");
  }

  @Test
  void ignoresAValidSignatureUnderAnotherVersion() {
    // The right bytes labelled v2 or V1 are not a v1 entry: the header then has no v1 entry at all.
    for (String header : List.of("v2," + VALID, "V1," + VALID, "v1a," + VALID + " v0," + VALID)) {
      WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
          () -> verifier.verify(Deliveries.headers(ID, TS, header), BODY));
      assertThat(e.reason()).as(header).isEqualTo(Reason.MALFORMED_HEADER);
      assertThat(e.header()).contains("webhook-signature");
      assertThat(e).hasMessageContaining("no v1 entry");
    }
  }

  private WebhookVerificationException assertBadSignature(
      Map<String, List<String>> headers, byte[] body) {
    WebhookVerificationException e = catchThrowableOfType(
        WebhookVerificationException.class, () -> verifier.verify(headers, body));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.header()).isEmpty();
    return e;
  }
}

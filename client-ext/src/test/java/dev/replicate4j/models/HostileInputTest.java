package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Validation does work in proportion to its input and says a bounded amount about it, whatever the
 * input: huge values, huge keys, huge lists. No time is asserted; the tests end (each would take
 * minutes or run out of memory with work or messages growing faster than the input).
 */
class HostileInputTest {
  /** A message listing 20 violations of abbreviated parts, plus its header. */
  private static final int MESSAGE_BOUND = 60_000;

  @Test
  void tenMegabytesOfCommasAreOneBoundedViolation() {
    String commas = ",".repeat(10_000_000);

    ValidationException e = catchThrowableOfType(ValidationException.class, () ->
        Models.OBJECT_REMOVAL.parseInput(Map.of("image_path", "https://x.test/a.png",
            "objects_to_remove", commas)));

    assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND)
        .contains("objects_to_remove = \",,,,")
        .contains("(10000000 chars)")
        .contains("and 9999996 more broken items");
    assertThat(e.violations()).hasSize(TextConverter.MAX_ITEM_PROBLEMS + 1);
  }

  @Test
  void aHugeUnknownKeyIsNotEchoedWhole() {
    String key = "k".repeat(1 << 20);

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> Models.SDXL.parseInput(Map.of(key, "1")));

    assertThat(e.getMessage()).hasSizeLessThan(3000).contains("kkkk… (1048576 chars)");
  }

  @Test
  void aHundredThousandBrokenInputsListTwentyAndCountTheRest() {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < 100_000; i++) {
      values.put("unknown_" + i, "v".repeat(1000));
    }

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> Models.REMBG.parseInput(values));

    // Each unknown key, and the missing image.
    assertThat(e.violations()).hasSize(100_001);
    assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND)
        .startsWith("100001 invalid inputs:\n")
        .endsWith("\n  - and 99981 more");
  }

  @Test
  void aHundredThousandItemListIsShownAsItsFirstItems() {
    List<ObjectClass> classes = new ArrayList<>(Collections.nCopies(100_000, ObjectClass.values()[0]));
    classes.add(null);

    ValidationException e = catchThrowableOfType(ValidationException.class, () ->
        ObjectRemovalInput.builder().imagePath(ImageInput.url("https://x.test/a.png"))
            .objectsToRemove(classes).build());

    assertThat(e.getMessage()).hasSizeLessThan(3000).contains("… (100001 items)]")
        .contains("must not contain null");
  }

  @Test
  void aTenMegabyteGenericValueAndAHundredThousandItemsPassThroughWhole() {
    String big = "a".repeat(10_000_000);
    List<Object> items = new ArrayList<>(Collections.nCopies(100_000, 7L));

    GenericInput input = Models.generic("acme/thing")
        .parseInput(Map.of("prompt", big));
    GenericInput list = GenericInput.of(Map.of("items", items));

    assertThat(input.toWire().get("prompt")).isEqualTo(big);
    assertThat((List<?>) list.toWire().get("items")).hasSize(100_000);
  }

  /** Every field of every catalog model, given a megabyte of commas, digits or letters. */
  @Test
  void everyFieldOfEveryModelGivesABoundedMessageForAHugeValue() {
    List<String> values = List.of(",".repeat(1 << 20), "9".repeat(1 << 20), "a".repeat(1 << 20),
        "1.5,".repeat(1 << 18));
    for (Model<?, ?> model : Models.ALL) {
      for (String field : model.inputSpec().orElseThrow().fieldNames()) {
        for (String value : values) {
          ValidationException e = catchThrowableOfType(ValidationException.class,
              () -> model.parseInput(Map.of(field, value)));
          if (e != null) {
            assertThat(e.getMessage()).as("%s %s", model, field).hasSizeLessThan(MESSAGE_BOUND);
          }
        }
      }
    }
  }

  @Property(tries = 15)
  void anyLongListValueGivesABoundedMessage(@ForAll("longLists") String value) {
    Throwable t = catchThrowableOfType(ValidationException.class, () ->
        Models.OBJECT_REMOVAL.parseInput(Map.of("image_path", "https://x.test/a.png",
            "objects_to_remove", value)));
    if (t != null) {
      assertThat(t.getMessage()).hasSizeLessThan(MESSAGE_BOUND);
    }
  }

  @Provide
  Arbitrary<String> longLists() {
    Arbitrary<String> item = Arbitraries.oneOf(Arbitraries.of("person", "car", "", " ", "Person"),
        Arbitraries.strings().ofMaxLength(20));
    return item.list().ofMinSize(10_000).ofMaxSize(100_000).map(l -> String.join(",", l));
  }
}

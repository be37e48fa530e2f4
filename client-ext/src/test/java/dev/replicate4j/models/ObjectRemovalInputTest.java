package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectRemovalInputTest {
  private static final String M = "sujaykhandekar/object-removal";
  private static final ImageInput IMAGE = ImageInput.url("https://example.com/street.jpg");

  @Test
  void fullInputIsSentExactlyWithClassesCommaJoinedWithoutSpaces() {
    ObjectRemovalInput input = ObjectRemovalInput.builder()
        .imagePath(IMAGE)
        .objectsToRemove(ObjectClass.PERSON, ObjectClass.CAR, ObjectClass.DINING_TABLE)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"image_path\":\"https://example.com/street.jpg\","
        + "\"objects_to_remove\":\"person,car,dining table\"}");
  }

  @Test
  void everyClassIsWrittenInTheModelsExactCase() {
    ObjectRemovalInput input = ObjectRemovalInput.builder().imagePath(IMAGE)
        .objectsToRemove(Arrays.asList(ObjectClass.values())).build();

    assertThat(input.toWire().get("objects_to_remove")).isEqualTo("Background,Aeroplane,bicycle,"
        + "bird,boat,bottle,bus,car,cat,chair,cow,dining table,dog,horse,motorbike,person,"
        + "potted plant,sheep,sofa,train,tv/monitor");
  }

  @ParameterizedTest
  @EnumSource(ObjectClass.class)
  void eachClassAloneIsSentAsItsWireValue(ObjectClass objectClass) {
    assertThat(ObjectRemovalInput.builder().imagePath(IMAGE).objectsToRemove(objectClass).build()
        .toWire()).containsEntry("objects_to_remove", objectClass.wireValue());
  }

  @Test
  void theImageAloneIsEnoughSoTheModelsDefaultClassesApply() {
    assertThat(Json.of(ObjectRemovalInput.builder().imagePath(IMAGE).build()))
        .isEqualTo("{\"image_path\":\"https://example.com/street.jpg\"}");
  }

  @Test
  void imagePathIsRequired() {
    assertThat(Json.violation(() -> ObjectRemovalInput.builder()
        .objectsToRemove(ObjectClass.PERSON).build()))
        .isEqualTo(M + ": image_path is missing: required, the model has no default");
  }

  @Test
  void anEmptyClassListIsRefusedBecauseTheModelWouldFailOnIt() {
    assertThat(Json.violation(() -> ObjectRemovalInput.builder().imagePath(IMAGE)
        .objectsToRemove(List.of()).build()))
        .isEqualTo(M + ": objects_to_remove = []: must name at least one class");
  }

  @Test
  void aNullClassIsRefused() {
    List<ObjectClass> classes = new ArrayList<>();
    classes.add(ObjectClass.CAT);
    classes.add(null);
    assertThat(Json.violation(() -> ObjectRemovalInput.builder().imagePath(IMAGE)
        .objectsToRemove(classes).build()))
        .isEqualTo(M + ": objects_to_remove = [cat, null]: must not contain null");
  }

  @Test
  void theListIsCopiedSoLaterChangesDoNotLeakIn() {
    List<ObjectClass> classes = new ArrayList<>(List.of(ObjectClass.DOG));
    ObjectRemovalInput.Builder builder = ObjectRemovalInput.builder().imagePath(IMAGE)
        .objectsToRemove(classes);
    classes.add(ObjectClass.CAT);
    assertThat(builder.build().toWire()).containsEntry("objects_to_remove", "dog");
  }
}

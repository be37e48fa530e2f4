package dev.replicate4j.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The BOM has no parent (so that importing it brings no build settings), so it states the runtime
 * family's versions again: they must be the ones the build compiles and tests with.
 */
class BomAlignmentTest {
  private static final List<String> FAMILY =
      List.of("retrofit.version", "moshi.version", "okhttp.version", "okio.version", "kotlin.version",
          "snakeyaml.version");

  @Test
  void theBomManagesTheVersionsTheBuildUses() throws Exception {
    Element parent = properties(Path.of("..", "pom.xml"));
    Element bom = properties(Path.of("..", "bom", "pom.xml"));
    for (String property : FAMILY) {
      assertThat(text(bom, property)).as("bom/pom.xml %s", property)
          .isNotBlank().isEqualTo(text(parent, property));
    }
  }

  private static Element properties(Path pom) throws Exception {
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    return (Element) document.getDocumentElement().getElementsByTagName("properties").item(0);
  }

  private static String text(Element properties, String name) {
    var nodes = properties.getElementsByTagName(name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}

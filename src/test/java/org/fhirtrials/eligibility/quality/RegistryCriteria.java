package org.fhirtrials.eligibility.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Eligibility criteria texts of real registry records: ClinicalTrials.gov API v2 JSON (single
 * records and {@code {"studies": [...]}} envelopes, field {@code
 * protocolSection.eligibilityModule.eligibilityCriteria}) and classic XML ({@code
 * <eligibility><criteria><textblock>}). Records without criteria are skipped.
 */
final class RegistryCriteria {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryCriteria() {}

  /** NCT id → criteria text of every v2 JSON file below {@code dir} (first occurrence wins). */
  static Map<String, String> fromV2Json(Path dir) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path file : files(dir, ".json")) {
      try (InputStream in = Files.newInputStream(file)) {
        JsonNode root = JSON.readTree(in);
        List<JsonNode> studies = new ArrayList<>();
        if (root.has("studies")) {
          root.get("studies").forEach(studies::add);
        } else {
          studies.add(root);
        }
        for (JsonNode study : studies) {
          JsonNode ps = study.path("protocolSection");
          String nct = ps.path("identificationModule").path("nctId").asText("");
          String text = ps.path("eligibilityModule").path("eligibilityCriteria").asText("");
          if (!nct.isEmpty() && !text.isBlank()) {
            out.putIfAbsent(nct, text);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable v2 JSON " + file, e);
      }
    }
    return out;
  }

  /** NCT id → criteria text of every classic XML file below {@code dir}. */
  static Map<String, String> fromClassicXml(Path dir) {
    Map<String, String> out = new LinkedHashMap<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    for (Path file : files(dir, ".xml")) {
      try {
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        String nct = firstText(doc.getDocumentElement(), "nct_id");
        NodeList eligibility = doc.getElementsByTagName("eligibility");
        if (eligibility.getLength() == 0 || nct == null) {
          continue;
        }
        String text = firstText((Element) eligibility.item(0), "textblock");
        if (text != null && !text.isBlank()) {
          out.putIfAbsent(nct, text);
        }
      } catch (Exception e) {
        throw new IllegalStateException(
            "unreadable classic XML " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String firstText(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Both formats below {@code data} ({@code ctgov-v2}, {@code ctgov-xml}); v2 wins for an id. */
  static Map<String, String> all(Path data) {
    Map<String, String> out = new LinkedHashMap<>(fromV2Json(data.resolve("ctgov-v2")));
    fromClassicXml(data.resolve("ctgov-xml")).forEach(out::putIfAbsent);
    return out;
  }
}

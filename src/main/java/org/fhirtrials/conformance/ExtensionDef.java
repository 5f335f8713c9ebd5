package org.fhirtrials.conformance;

import java.util.List;

/**
 * A project extension: its URL, documentation, where it may appear (per FHIR version; an empty list
 * means the extension does not exist in that version) and its value: one type for a simple
 * extension, or named parts for a complex one.
 *
 * @param url canonical URL
 * @param title short title
 * @param description what it means and why no standard element carries it
 * @param r4Contexts element paths it may appear on in R4
 * @param r5Contexts element paths it may appear on in R5
 * @param valueType FHIR type of {@code value[x]} for a simple extension, else null
 * @param parts the sub-extensions of a complex extension
 */
public record ExtensionDef(
    String url,
    String title,
    String description,
    List<String> r4Contexts,
    List<String> r5Contexts,
    String valueType,
    List<Part> parts) {

  /** A sub-extension of a complex extension. */
  public record Part(String name, String valueType, int min, String description) {}

  public String id() {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  static ExtensionDef simple(
      String url, String title, String description, List<String> r4, List<String> r5, String type) {
    return new ExtensionDef(url, title, description, r4, r5, type, List.of());
  }

  static ExtensionDef complex(
      String url,
      String title,
      String description,
      List<String> r4,
      List<String> r5,
      List<Part> parts) {
    return new ExtensionDef(url, title, description, r4, r5, null, parts);
  }
}

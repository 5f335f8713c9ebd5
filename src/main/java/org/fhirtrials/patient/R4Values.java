package org.fhirtrials.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/** Small conversions from R4 datatypes to fact-sheet values. */
final class R4Values {
  private R4Values() {}

  /** {@code Type/id} of a resource, or {@code fallback} (the bundle fullUrl) when it has no id. */
  static String reference(Resource r, String fallback) {
    if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
      return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }
    return fallback != null ? fallback : r.fhirType() + "/(no id)";
  }

  static List<Code> codes(CodeableConcept cc) {
    if (cc == null || !cc.hasCoding()) {
      return List.of();
    }
    List<Code> out = new ArrayList<>(cc.getCoding().size());
    for (Coding c : cc.getCoding()) {
      if (c.hasCode()) {
        out.add(new Code(c.getSystem(), c.getCode(), c.getDisplay()));
      }
    }
    return out;
  }

  static List<Code> codes(List<CodeableConcept> ccs) {
    List<Code> out = new ArrayList<>();
    for (CodeableConcept cc : ccs) {
      out.addAll(codes(cc));
    }
    return out;
  }

  static Optional<String> text(CodeableConcept cc) {
    return cc != null && cc.hasText() ? Optional.of(cc.getText()) : Optional.empty();
  }

  /** The first code of a CodeableConcept in {@code system}, or of any system when none matches. */
  static Optional<String> firstCode(CodeableConcept cc, String system) {
    if (cc == null) {
      return Optional.empty();
    }
    return cc.getCoding().stream()
        .filter(c -> c.hasCode() && system.equals(c.getSystem()))
        .map(Coding::getCode)
        .findFirst()
        .or(() -> cc.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst());
  }

  /**
   * A date/dateTime/instant primitive as a {@link Timepoint}; empty when absent. The recorded
   * string is parsed, so a malformed value fails with the resource and field named.
   */
  static Optional<Timepoint> time(PrimitiveType<?> p, String resource, String field) {
    if (p == null) {
      return Optional.empty();
    }
    String s = p.getValueAsString();
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Timepoint.parse(s, resource, field));
  }

  /** A dateTime/instant/Period choice: the time itself, or the Period start (else its end). */
  static Optional<Timepoint> start(Type choice, String resource, String field) {
    if (choice instanceof Period period) {
      // has*() first: HAPI getters create empty elements, which would mutate the caller's resource
      return time(
              period.hasStartElement() ? period.getStartElement() : null,
              resource,
              field + "Period.start")
          .or(
              () ->
                  time(
                      period.hasEndElement() ? period.getEndElement() : null,
                      resource,
                      field + "Period.end"));
    }
    if (choice instanceof PrimitiveType<?> p && isTemporal(p)) {
      return time(p, resource, field + capitalised(p.fhirType()));
    }
    return Optional.empty();
  }

  /** The end of a Period choice; a single dateTime has no separate end. */
  static Optional<Timepoint> end(Type choice, String resource, String field) {
    if (choice instanceof Period period) {
      return time(
          period.hasEndElement() ? period.getEndElement() : null, resource, field + "Period.end");
    }
    return Optional.empty();
  }

  private static boolean isTemporal(PrimitiveType<?> p) {
    String t = p.fhirType();
    return t.equals("dateTime") || t.equals("date") || t.equals("instant");
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

package org.fhirtrials.search;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.fhirtrials.mapping.FhirUrls;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Turns the values a parameter's FHIRPath expression selects into index entries, by FHIR datatype
 * and the same way for R4 and R5 (through HAPI's element definitions, not version classes).
 */
final class ValueReader {
  /** Spellings of the ClinicalTrials.gov identifier system indexed and searched as one. */
  private static final List<String> NCT_SYSTEMS =
      List.of(
          FhirUrls.NCT_SYSTEM + "/",
          FhirUrls.NCT_SYSTEM_LEGACY,
          "http://clinicaltrials.gov",
          "https://clinicaltrials.gov/");

  private final FhirContext ctx;
  private final TypeNames typeNames;

  ValueReader(FhirContext ctx) {
    this.ctx = ctx;
    this.typeNames = new TypeNames(ctx);
  }

  /** One system for every accepted spelling of the NCT system (DESIGN §2). */
  static String system(String system) {
    return system != null && NCT_SYSTEMS.contains(system) ? FhirUrls.NCT_SYSTEM : system;
  }

  void read(ParamKind kind, IBase value, Extracted out) {
    String type = typeName(value);
    switch (kind) {
      case TOKEN, URI -> token(type, value, out);
      case STRING -> string(type, value, out);
      case DATE -> date(type, value, out);
      case REFERENCE -> reference(value, out);
      case NUMBER -> number(type, value, out);
      case NEAR -> point(value, out);
      case TEXT -> {}
    }
  }

  private void token(String type, IBase value, Extracted out) {
    switch (type) {
      case "Coding" -> coding(value, out);
      case "CodeableConcept" -> {
        children(value, "coding").forEach(c -> coding(c, out));
        text(primitive(value, "text"), out);
      }
      case "CodeableReference" ->
          children(value, "concept").forEach(c -> token("CodeableConcept", c, out));
      case "Identifier" -> {
        String system = system(primitive(value, "system"));
        String v = primitive(value, "value");
        code(system, v, out);
        for (IBase type1 : children(value, "type")) {
          for (IBase c : children(type1, "coding")) {
            out.keys.add(
                "type:" + nz(primitive(c, "system")) + "|" + primitive(c, "code") + "|" + v);
          }
        }
      }
      case "ContactPoint" -> code(null, primitive(value, "value"), out);
      default -> {
        if (value instanceof IPrimitiveType<?> p && p.getValueAsString() != null) {
          code(enumSystem(value), p.getValueAsString(), out);
        }
      }
    }
  }

  private void coding(IBase coding, Extracted out) {
    code(system(primitive(coding, "system")), primitive(coding, "code"), out);
    text(primitive(coding, "display"), out);
  }

  private static void code(String system, String code, Extracted out) {
    if (code == null || code.isEmpty()) {
      if (system != null) {
        out.keys.add(system + "|");
      }
      return;
    }
    out.keys.add(code);
    out.keys.add(system == null || system.isEmpty() ? "|" + code : system + "|" + code);
    if (system != null && !system.isEmpty()) {
      out.keys.add(system + "|");
    }
  }

  /** Concept text: its words serve {@code :text}; the whole folded text matches a bare code. */
  private static void text(String text, Extracted out) {
    if (text != null && !text.isBlank()) {
      out.words.addAll(Text.words(text));
      out.keys.add("=" + Text.fold(text));
    }
  }

  private void string(String type, IBase value, Extracted out) {
    switch (type) {
      case "HumanName" -> {
        addString(primitive(value, "text"), out);
        addString(primitive(value, "family"), out);
        children(value, "given")
            .forEach(g -> addString(((IPrimitiveType<?>) g).getValueAsString(), out));
      }
      case "Address" -> {
        for (String part : List.of("text", "city", "district", "state", "postalCode", "country")) {
          addString(primitive(value, part), out);
        }
        children(value, "line")
            .forEach(l -> addString(((IPrimitiveType<?>) l).getValueAsString(), out));
      }
      default -> {
        if (value instanceof IPrimitiveType<?> p) {
          addString(p.getValueAsString(), out);
        }
      }
    }
  }

  private static void addString(String s, Extracted out) {
    if (s != null && !s.isBlank()) {
      out.strings.add(s);
    }
  }

  private void date(String type, IBase value, Extracted out) {
    DateRange range;
    if (type.equals("Period")) {
      DateRange start = DateRange.parse(primitive(value, "start"));
      DateRange end = DateRange.parse(primitive(value, "end"));
      range = start == null ? end : start.span(end);
      if (start != null && end == null) {
        range = new DateRange(start.low(), Long.MAX_VALUE); // ongoing
      } else if (start == null && end != null) {
        range = new DateRange(Long.MIN_VALUE, end.high());
      }
    } else {
      range = value instanceof IPrimitiveType<?> p ? DateRange.parse(p.getValueAsString()) : null;
    }
    if (range != null) {
      out.dates.add(range);
    }
  }

  private void reference(IBase value, Extracted out) {
    IBase ref = value;
    if (typeName(value).equals("CodeableReference")) {
      List<IBase> inner = children(value, "reference");
      if (inner.isEmpty()) {
        return;
      }
      ref = inner.get(0);
    }
    if (ref instanceof IBaseReference r && r.getReferenceElement().hasIdPart()) {
      var id = r.getReferenceElement();
      out.keys.add(id.getIdPart());
      if (id.hasResourceType()) {
        out.keys.add(id.getResourceType() + "/" + id.getIdPart());
      }
    } else if (ref instanceof IPrimitiveType<?> canonical && canonical.getValueAsString() != null) {
      out.keys.add(canonical.getValueAsString());
    }
  }

  private void number(String type, IBase value, Extracted out) {
    String v = type.equals("Quantity") ? primitive(value, "value") : null;
    if (v == null && value instanceof IPrimitiveType<?> p) {
      v = p.getValueAsString();
    }
    if (v != null) {
      try {
        out.numbers.add(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        // not a number: nothing to index
      }
    }
  }

  private void point(IBase value, Extracted out) {
    String lat = primitive(value, "latitude");
    String lon = primitive(value, "longitude");
    if (lat != null && lon != null) {
      out.points.add(new double[] {Double.parseDouble(lat), Double.parseDouble(lon)});
    }
  }

  private String typeName(IBase value) {
    return typeNames.of(value);
  }

  List<IBase> children(IBase element, String name) {
    if (!(ctx.getElementDefinition(element.getClass())
        instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return List.of();
    }
    BaseRuntimeChildDefinition child = composite.getChildByName(name);
    return child == null ? List.of() : child.getAccessor().getValues(element);
  }

  String primitive(IBase element, String name) {
    List<IBase> values = children(element, name);
    return values.isEmpty() || !(values.get(0) instanceof IPrimitiveType<?> p)
        ? null
        : p.getValueAsString();
  }

  private static String enumSystem(IBase value) {
    if (value instanceof org.hl7.fhir.r4.model.Enumeration<?> e) {
      return e.getSystem();
    }
    if (value instanceof org.hl7.fhir.r5.model.Enumeration<?> e) {
      return e.getSystem();
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

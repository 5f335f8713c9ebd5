package org.fhirtrials.search;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;

/** How a search parameter is indexed and matched. */
public enum ParamKind {
  TOKEN,
  STRING,
  DATE,
  REFERENCE,
  NUMBER,
  URI,
  /** {@code lat|lon|distance|unit} against geo positions. */
  NEAR,
  /** {@code _text}/{@code _content}: AND of folded words. */
  TEXT;

  /** The kind of a HAPI search parameter type, or null when this server does not index it. */
  static ParamKind of(RestSearchParameterTypeEnum type) {
    return switch (type) {
      case TOKEN -> TOKEN;
      case STRING -> STRING;
      case DATE -> DATE;
      case REFERENCE -> REFERENCE;
      case NUMBER -> NUMBER;
      case URI -> URI;
      default -> null;
    };
  }

  /** The FHIR {@code search-param-type} code, as a CapabilityStatement declares it. */
  public String fhirType() {
    return switch (this) {
      case NEAR -> "special";
      case TEXT -> "string";
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

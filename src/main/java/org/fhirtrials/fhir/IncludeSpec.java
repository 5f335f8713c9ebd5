package org.fhirtrials.fhir;

import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.search.ParamDef;
import org.fhirtrials.search.ParamKind;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchParamRegistry;

/**
 * One {@code _include} or {@code _revinclude} value: {@code Type:param[:targetType]} or {@code *}.
 *
 * @param sourceType the type holding the reference (any, for {@code *})
 * @param param the reference parameter, or {@code *} for all of them
 * @param targetType only references to this type, or null
 * @param iterate whether {@code :iterate} (or {@code :recurse}) was given
 */
record IncludeSpec(String sourceType, String param, String targetType, boolean iterate) {
  static final String ALL = "*";

  /** Parses and checks the value against the base's parameters. */
  static IncludeSpec parse(String name, String value, SearchParamRegistry registry) {
    boolean iterate = name.endsWith(":iterate") || name.endsWith(":recurse");
    if (!name.equals("_include") && !name.equals("_revinclude") && !iterate) {
      throw new SearchException("Modifier on '" + name + "' is not supported; use :iterate");
    }
    if (value.equals(ALL)) {
      return new IncludeSpec(ALL, ALL, null, iterate);
    }
    String[] parts = value.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new SearchException(name + "=" + value + " must be Type:parameter[:targetType] or *");
    }
    if (!registry.types().contains(parts[0])) {
      throw new SearchException(name + "=" + value + ": " + parts[0] + " is not served here");
    }
    if (!parts[1].equals(ALL)) {
      ParamDef def = registry.params(parts[0]).get(parts[1]);
      if (def == null || def.kind() != ParamKind.REFERENCE) {
        throw new SearchException(
            name
                + "="
                + value
                + ": '"
                + parts[1]
                + "' is not a reference parameter of "
                + parts[0]);
      }
    }
    return new IncludeSpec(parts[0], parts[1], parts.length == 3 ? parts[2] : null, iterate);
  }

  /** The reference parameters this include follows on resources of {@code type}. */
  List<String> params(String type, SearchParamRegistry registry) {
    List<String> out = new ArrayList<>();
    if (!sourceType.equals(ALL) && !sourceType.equals(type)) {
      return out;
    }
    if (param.equals(ALL)) {
      registry.references(type).forEach(p -> out.add(p.name()));
    } else {
      out.add(param);
    }
    return out;
  }
}

package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.search.TypeIndex.ParamIndex;

/**
 * Evaluates one search over the indexes of a base: each parameter (AND across repetitions, OR
 * across commas) becomes a sorted ordinal set from posting lists, and the sets are intersected.
 * Dates, numbers and distances are compared on the per-document values of the candidates.
 */
final class QueryEngine {
  /** Parameters that shape the result rather than select it. */
  static final Set<String> RESULT_PARAMS =
      Set.of(
          "_count",
          "_sort",
          "_include",
          "_revinclude",
          "_summary",
          "_elements",
          "_total",
          "_format",
          "_pretty",
          "_getpages",
          "_getpagesoffset",
          "_bundletype");

  private static final double EARTH_KM = 6371.0088;
  private static final double KM_PER_DEGREE = 111.195;

  private final SearchIndexes indexes;
  private final String type;
  private final boolean lenient;

  /** Distance of each matching ordinal to the {@code near} point, when near was asked. */
  OrdinalDistances distances = new OrdinalDistances();

  /** Full-text terms, for relevance. */
  final List<String> textTerms = new ArrayList<>();

  QueryEngine(SearchIndexes indexes, String type, boolean lenient) {
    this.indexes = indexes;
    this.type = type;
    this.lenient = lenient;
  }

  /** The ordinals matching every parameter (unordered set, ascending ordinals). */
  int[] run(Map<String, String[]> parameters) {
    TypeIndex index = indexes.index(type);
    List<int[]> sets = new ArrayList<>();
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      if (RESULT_PARAMS.contains(p.getKey())) {
        continue;
      }
      try {
        for (String value : p.getValue()) {
          sets.add(clause(index, p.getKey(), value));
        }
      } catch (SearchException e) {
        if (!lenient) {
          throw e;
        }
      }
    }
    return sets.isEmpty() ? index.all() : Postings.andAll(sets);
  }

  private int[] clause(TypeIndex index, String key, String value) {
    String chain = null;
    int dot = key.indexOf('.');
    if (dot > 0) {
      chain = key.substring(dot + 1);
      key = key.substring(0, dot);
    }
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(0, colon);
    String modifier = colon < 0 ? null : key.substring(colon + 1);
    ParamDef def = indexes.registry().params(type).get(name);
    if (def == null) {
      throw new SearchException(
          "Unknown search parameter '"
              + name
              + "' for "
              + type
              + "; supported: "
              + String.join(", ", indexes.registry().params(type).keySet()));
    }
    ParamIndex p = index.param(name);
    if ("missing".equals(modifier)) {
      boolean missing = bool(name, value);
      int[] present = p.present.toArray();
      return missing ? Postings.andNot(index.all(), present) : present;
    }
    if (chain != null) {
      return chained(def, p, modifier, chain, value);
    }
    List<int[]> ors = new ArrayList<>();
    List<String> values = Values.splitOr(value);
    if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
      throw new SearchException("Search parameter '" + name + "' needs a value");
    }
    if ("not".equals(modifier) && def.kind() == ParamKind.TOKEN) {
      for (String v : values) {
        ors.add(token(index, p, v, null, name));
      }
      return Postings.andNot(index.all(), Postings.or(ors));
    }
    for (String v : values) {
      ors.add(one(index, def, p, modifier, v));
    }
    return Postings.or(ors);
  }

  private int[] one(TypeIndex index, ParamDef def, ParamIndex p, String modifier, String v) {
    String name = def.name();
    return switch (def.kind()) {
      case TOKEN, URI -> {
        if (modifier != null && !Set.of("text", "of-type").contains(modifier)
            || "of-type".equals(modifier) && !name.equals("identifier")) {
          throw unsupported(name, modifier);
        }
        yield token(index, p, v, modifier, name);
      }
      case STRING -> {
        if (modifier != null && !Set.of("exact", "contains").contains(modifier)) {
          throw unsupported(name, modifier);
        }
        yield Matchers.string(p, v, modifier);
      }
      case REFERENCE -> Matchers.reference(p, v, referenceType(def, modifier), referenceTypes(def));
      case DATE -> {
        noModifier(name, modifier);
        yield Matchers.date(p, v, name);
      }
      case NUMBER -> {
        noModifier(name, modifier);
        yield Matchers.number(p, v, name);
      }
      case NEAR -> {
        noModifier(name, modifier);
        yield near(p, v);
      }
      case TEXT -> {
        noModifier(name, modifier);
        List<String> words = Text.words(v);
        textTerms.addAll(words);
        // every word (no word: every document)
        List<int[]> sets = new ArrayList<>();
        for (String w : words) {
          int[] hit = p.keys.get(w);
          if (hit.length == 0) {
            yield Postings.EMPTY;
          }
          sets.add(hit);
        }
        yield sets.isEmpty() ? index.all() : Postings.andAll(sets);
      }
    };
  }

  /** A token search; {@code _id} finds its document by id (no keys are indexed for it). */
  private static int[] token(
      TypeIndex index, ParamIndex p, String v, String modifier, String name) {
    if (!name.equals(TypeIndex.ID) || modifier != null) {
      return Matchers.token(p, v, modifier, name);
    }
    List<String> parts = Values.splitBar(v, 2);
    if (parts.size() == 2 && parts.get(0).isEmpty() && parts.get(1).isEmpty()) {
      throw new SearchException("Search parameter '" + name + "' needs a value");
    }
    // an id has no system: "id" and "|id" find it, "system|id" nothing
    String id = parts.size() == 1 ? v : parts.get(0).isEmpty() ? parts.get(1) : null;
    Integer ordinal = id == null ? null : index.ordinal(id);
    return ordinal == null ? Postings.EMPTY : new int[] {ordinal};
  }

  /** The types a reference parameter's values may name: its targets and every served type. */
  private Set<String> referenceTypes(ParamDef def) {
    Set<String> types = new java.util.TreeSet<>(def.targets());
    types.addAll(indexes.registry().types());
    return types;
  }

  private String referenceType(ParamDef def, String modifier) {
    if (modifier == null) {
      return null;
    }
    if (!def.targets().isEmpty() && !def.targets().contains(modifier)) {
      throw unsupported(def.name(), modifier);
    }
    return modifier;
  }

  /** {@code site:Location.address-city=Shanghai}: search the target type, then the references. */
  private int[] chained(ParamDef def, ParamIndex p, String modifier, String chain, String value) {
    if (def.kind() != ParamKind.REFERENCE) {
      throw new SearchException(
          "Search parameter '" + def.name() + "' is not a reference; it cannot be chained");
    }
    List<String> targets = new ArrayList<>();
    if (modifier != null) {
      targets.add(referenceType(def, modifier));
    } else {
      def.targets().stream()
          .filter(indexes.registry().types()::contains)
          .sorted()
          .forEach(targets::add);
    }
    List<int[]> ors = new ArrayList<>();
    boolean known = false;
    for (String target : targets) {
      String chainName = chain.split(":", 2)[0];
      if (!indexes.registry().params(target).containsKey(chainName)) {
        continue;
      }
      known = true;
      QueryEngine inner = new QueryEngine(indexes, target, false);
      TypeIndex targetIndex = indexes.index(target);
      for (int o : inner.run(Map.of(chain, new String[] {value}))) {
        int[] hit = p.keys.get(p.referenceKey(target, targetIndex.id(o)));
        if (hit.length > 0) {
          ors.add(hit);
        }
      }
    }
    if (!known) {
      throw SearchSyntax.unsupportedChain(def.name(), chain);
    }
    return Postings.or(ors);
  }

  /** {@code lat|lon|distance|unit}, distance default 50 km. */
  private int[] near(ParamIndex p, String v) {
    SearchSyntax.Near near = SearchSyntax.near(v);
    double lat = near.lat();
    double lon = near.lon();
    double km = near.km();
    double dLat = km / KM_PER_DEGREE;
    double dLon = km / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
    List<CellPoints> cells = new ArrayList<>();
    if ((2 * dLat + 1) * (2 * dLon + 1) > p.grid.size()) {
      cells.addAll(p.grid.values());
    } else {
      for (double a = lat - dLat;
          a <= lat + dLat + TypeIndex.CELL_DEGREES;
          a += TypeIndex.CELL_DEGREES) {
        for (double o = lon - dLon;
            o <= lon + dLon + TypeIndex.CELL_DEGREES;
            o += TypeIndex.CELL_DEGREES) {
          CellPoints c = p.grid.get(TypeIndex.cell(Math.min(a, 90), wrap(o)));
          if (c != null) {
            cells.add(c);
          }
        }
      }
    }
    // only the points in the cells around: a document's distance is that of its nearest point;
    // points outside the latitude band cannot be within range (no great-circle distance for them)
    double band = dLat * 1.01;
    Circle circle = new Circle(lat, lon, km);
    int candidates = cells.stream().mapToInt(CellPoints::size).sum();
    OrdinalDistances within = new OrdinalDistances(indexes.index(type).size(), candidates);
    for (CellPoints c : cells) {
      for (int i = 0; i < c.size(); i++) {
        double pointLat = c.lat(i);
        if (Math.abs(pointLat - lat) <= band) {
          double d = circle.distanceWithin(pointLat, c.lon(i));
          if (d >= 0) {
            within.mergeMin(c.ordinal(i), d);
          }
        }
      }
    }
    int[] hits = within.ordinals();
    if (distances.isEmpty()) {
      distances = within;
    } else {
      distances.mergeMin(within);
    }
    return hits;
  }

  private static double wrap(double lon) {
    return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
  }

  static double haversine(double lat1, double lon1, double lat2, double lon2) {
    return Circle.distance(new Circle(lat1, lon1, 0).term(lat2, lon2));
  }

  /**
   * The points within {@code km} of a centre, by the haversine formula with the centre's cosine
   * computed once; the distance itself (an arcsine) is computed only for points that may be within.
   */
  static final class Circle {
    private final double lat;
    private final double lon;
    private final double km;
    private final double cosLat;

    /** Haversine terms above this are farther than km, with a margin for rounding. */
    private final double farther;

    Circle(double lat, double lon, double km) {
      this.lat = lat;
      this.lon = lon;
      this.km = km;
      this.cosLat = Math.cos(Math.toRadians(lat));
      double s = Math.sin(Math.min(km, Math.PI * EARTH_KM) / (2 * EARTH_KM));
      this.farther = s * s * (1 + 1e-9) + 1e-15;
    }

    /** The distance to a point if it is within the circle, else -1. */
    double distanceWithin(double lat2, double lon2) {
      double a = term(lat2, lon2);
      if (a > farther) {
        return -1;
      }
      // near the edge the distance decides, exactly as haversine() would
      double d = distance(a);
      return d <= km ? d : -1;
    }

    /** The haversine term of the distance to a point; it grows with the distance. */
    double term(double lat2, double lon2) {
      double sinLat = Math.sin(Math.toRadians(lat2 - lat) / 2);
      double sinLon = Math.sin(Math.toRadians(lon2 - lon) / 2);
      return sinLat * sinLat + cosLat * Math.cos(Math.toRadians(lat2)) * (sinLon * sinLon);
    }

    static double distance(double term) {
      return 2 * EARTH_KM * Math.asin(Math.sqrt(term));
    }
  }

  private static boolean bool(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new SearchException(name + ":missing must be true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  private static void noModifier(String name, String modifier) {
    if (modifier != null) {
      throw unsupported(name, modifier);
    }
  }

  static SearchException unsupported(String name, String modifier) {
    return new SearchException(
        "Modifier ':" + modifier + "' is not supported on search parameter '" + name + "'");
  }
}

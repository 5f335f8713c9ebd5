package org.fhirtrials.search.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.search.DateRange;
import org.fhirtrials.search.ParamDef;
import org.fhirtrials.search.ParamKind;
import org.fhirtrials.search.Prefix;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.SearchSyntax;
import org.fhirtrials.search.Text;
import org.fhirtrials.search.Values;

/**
 * Translates the parameters of one search into SQL conditions on {@code search_resource}, with the
 * semantics of the in-memory {@code QueryEngine} clause for clause (same modifiers, prefixes,
 * errors and lenient handling). {@code near} is pre-filtered in SQL by a bounding box and decided
 * here with the same distance function.
 */
final class SqlQuery {
  private static final double KM_PER_DEGREE = 111.195;

  private final Connection c;
  private final String base;
  private final SearchParamRegistry registry;
  private final String type;
  private final boolean lenient;
  private final int[] aliases;

  /** Distance of each matching id to the {@code near} point, when near was asked. */
  final Map<String, Double> distances = new HashMap<>();

  /** Full-text terms, for relevance. */
  final List<String> textTerms = new ArrayList<>();

  SqlQuery(
      Connection c,
      String base,
      SearchParamRegistry registry,
      String type,
      boolean lenient,
      int[] aliases) {
    this.c = c;
    this.base = base;
    this.registry = registry;
    this.type = type;
    this.lenient = lenient;
    this.aliases = aliases;
  }

  /** The conditions (ANDed) on the row alias {@code r} that the parameters ask for. */
  List<Sql> conditions(String r, Map<String, String[]> parameters) throws SQLException {
    List<Sql> conditions = new ArrayList<>();
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      if (SearchSyntax.RESULT_PARAMS.contains(p.getKey())) {
        continue;
      }
      try {
        for (String value : p.getValue()) {
          conditions.add(clause(r, p.getKey(), value));
        }
      } catch (SearchException e) {
        if (!lenient) {
          throw e;
        }
      }
    }
    return conditions;
  }

  private Sql clause(String r, String key, String value) throws SQLException {
    String chain = null;
    int dot = key.indexOf('.');
    if (dot > 0) {
      chain = key.substring(dot + 1);
      key = key.substring(0, dot);
    }
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(0, colon);
    String modifier = colon < 0 ? null : key.substring(colon + 1);
    ParamDef def = registry.params(type).get(name);
    if (def == null) {
      throw new SearchException(
          "Unknown search parameter '"
              + name
              + "' for "
              + type
              + "; supported: "
              + String.join(", ", registry.params(type).keySet()));
    }
    if ("missing".equals(modifier)) {
      boolean missing = bool(name, value);
      Sql present = new Sql(r + ".tokens && ?", (Object) new String[] {name});
      return missing ? present.not() : present;
    }
    if (chain != null) {
      return chained(r, def, modifier, chain, value);
    }
    List<Sql> ors = new ArrayList<>();
    List<String> values = Values.splitOr(value);
    if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
      throw new SearchException("Search parameter '" + name + "' needs a value");
    }
    if ("not".equals(modifier) && def.kind() == ParamKind.TOKEN) {
      for (String v : values) {
        ors.add(token(r, v, null, name));
      }
      return Sql.join("OR", ors).not();
    }
    for (String v : values) {
      ors.add(one(r, def, modifier, v));
    }
    return Sql.join("OR", ors);
  }

  private Sql one(String r, ParamDef def, String modifier, String v) throws SQLException {
    String name = def.name();
    return switch (def.kind()) {
      case TOKEN, URI -> {
        if (modifier != null && !Set.of("text", "of-type").contains(modifier)
            || "of-type".equals(modifier) && !name.equals("identifier")) {
          throw SearchSyntax.unsupported(name, modifier);
        }
        yield token(r, v, modifier, name);
      }
      case STRING -> {
        if (modifier != null && !Set.of("exact", "contains").contains(modifier)) {
          throw SearchSyntax.unsupported(name, modifier);
        }
        yield string(r, name, v, modifier);
      }
      case REFERENCE -> reference(r, name, v, referenceType(def, modifier));
      case DATE -> {
        noModifier(name, modifier);
        yield date(r, name, v);
      }
      case NUMBER -> {
        noModifier(name, modifier);
        yield number(r, name, v);
      }
      case NEAR -> {
        noModifier(name, modifier);
        yield near(r, name, v);
      }
      case TEXT -> {
        noModifier(name, modifier);
        List<String> words = Text.words(v);
        textTerms.addAll(words);
        if (words.isEmpty()) {
          yield Sql.TRUE;
        }
        if (words.stream().anyMatch(w -> !PostgresSearchIndexer.fitsLexeme(w))) {
          yield Sql.FALSE;
        }
        yield new Sql(r + ".text_body @@ ?::tsquery", tsquery(words));
      }
    };
  }

  static String tsquery(List<String> words) {
    return String.join(" & ", words.stream().map(SqlQuery::quoted).toList());
  }

  /** A lexeme as a quoted tsquery operand (quotes and backslashes escaped). */
  private static String quoted(String lexeme) {
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** The keys of a token value, as {@code Matchers.token} looks them up. */
  private Sql token(String r, String value, String modifier, String name) {
    if ("text".equals(modifier)) {
      // every word a prefix of a word of the parameter: lexemes "param|word" (see V5)
      List<String> prefixes = new ArrayList<>();
      for (String w : Text.words(value)) {
        String lexeme = name + "|" + w;
        if (!PostgresSearchIndexer.fitsLexeme(lexeme)) {
          return Sql.FALSE;
        }
        prefixes.add(quoted(lexeme) + ":*");
      }
      return prefixes.isEmpty()
          ? Sql.FALSE
          : new Sql(r + ".words @@ ?::tsquery", String.join(" & ", prefixes));
    }
    if ("of-type".equals(modifier)) {
      List<String> parts = Values.splitBar(value, 3);
      if (parts.size() != 3 || parts.get(1).isEmpty() || parts.get(2).isEmpty()) {
        throw new SearchException(name + ":of-type needs system|code|value, not '" + value + "'");
      }
      return keys(r, name, "type:" + parts.get(0) + "|" + parts.get(1) + "|" + parts.get(2));
    }
    List<String> parts = Values.splitBar(value, 2);
    if (parts.size() == 1) {
      return keys(r, name, parts.get(0), "=" + Text.fold(value));
    }
    String system = SearchSyntax.system(parts.get(0));
    String code = parts.get(1);
    if (system.isEmpty() && code.isEmpty()) {
      throw new SearchException("Search parameter '" + name + "' needs a value");
    }
    return keys(r, name, system.isEmpty() ? "|" + code : system + "|" + code);
  }

  private static Sql keys(String r, String name, String... keys) {
    String[] tokens = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      tokens[i] = name + " " + keys[i];
    }
    return new Sql(r + ".tokens && ?", (Object) tokens);
  }

  /** String: starts with after folding; {@code :contains} anywhere; {@code :exact} as given. */
  private Sql string(String r, String name, String value, String modifier) {
    Sql test;
    if ("exact".equals(modifier)) {
      // equal strings fold equal: the folded index finds the candidates
      test = new Sql("s.folded = ? AND s.exact = ?", Text.fold(value), value);
    } else if ("contains".equals(modifier)) {
      test = new Sql("s.folded LIKE ?", "%" + Sql.likeLiteral(Text.fold(value)) + "%");
    } else {
      test = new Sql("s.folded LIKE ?", Sql.likeLiteral(Text.fold(value)) + "%");
    }
    return side(r, "search_string s", "s", name, test);
  }

  /** Reference by {@code Type/id}, by {@code id}, or by absolute URL ending in {@code Type/id}. */
  private static Sql reference(String r, String name, String value, String targetType) {
    String key = SearchSyntax.referenceKey(value, targetType);
    return key == null ? Sql.FALSE : keys(r, name, key);
  }

  private String referenceType(ParamDef def, String modifier) {
    if (modifier == null) {
      return null;
    }
    if (!def.targets().isEmpty() && !def.targets().contains(modifier)) {
      throw SearchSyntax.unsupported(def.name(), modifier);
    }
    return modifier;
  }

  private Sql date(String r, String name, String value) {
    Prefix prefix = Prefix.of(value);
    DateRange range = prefix == null ? null : DateRange.parse(Prefix.strip(value));
    if (range == null) {
      throw new SearchException(
          "Search parameter '" + name + "': '" + value + "' is not a date (e.g. ge2024-01)");
    }
    double tolerance = Prefix.APPROXIMATE * Math.abs(System.currentTimeMillis() - range.low());
    // integer columns: x >= a - t  <=>  x >= ceil(a - t);  x <= b + t  <=>  x <= floor(b + t)
    Sql test =
        prefixTest(
            "d.low",
            "d.high",
            prefix,
            range.low(),
            range.high(),
            (long) Math.ceil(range.low() - tolerance),
            (long) Math.floor(range.high() + tolerance));
    return side(r, "search_date d", "d", name, test);
  }

  private Sql number(String r, String name, String value) {
    Prefix prefix = Prefix.of(value);
    double n = SearchSyntax.number(name, value, prefix);
    double tolerance = Prefix.APPROXIMATE * Math.abs(n);
    Sql test = prefixTest("n.value", "n.value", prefix, n, n, n - tolerance, n + tolerance);
    return side(r, "search_number n", "n", name, test);
  }

  /** {@code Prefix.matches} of a stored range [lo, hi] against the search range [pl, ph]. */
  private static Sql prefixTest(
      String lo, String hi, Prefix prefix, Object pl, Object ph, Object apLow, Object apHigh) {
    Sql eq = new Sql("(" + lo + " >= ? AND " + hi + " <= ?)", pl, ph);
    return switch (prefix) {
      case EQ -> eq;
      case NE -> eq.not();
      case GT -> new Sql(hi + " > ?", ph);
      case LT -> new Sql(lo + " < ?", pl);
      // each with a bound every match meets (high >= high >= low >= pl; low <= low <= high <=
      // ph), so the index scans from it: without it the OR read every value of the parameter
      case GE -> orEqual(new Sql(hi + " > ?", ph), eq, new Sql(hi + " >= ?", pl));
      case LE -> orEqual(new Sql(lo + " < ?", pl), eq, new Sql(lo + " <= ?", ph));
      case SA -> new Sql(lo + " > ?", ph);
      case EB -> new Sql(hi + " < ?", pl);
      case AP -> new Sql("(" + hi + " >= ? AND " + lo + " <= ?)", apLow, apHigh);
    };
  }

  /** {@code (beyond OR eq) AND bound}: ge or le, with the bound that lets an index scan. */
  private static Sql orEqual(Sql beyond, Sql eq, Sql bound) {
    return Sql.join("AND", List.of(Sql.join("OR", List.of(beyond, eq)), bound));
  }

  private Sql side(String r, String table, String alias, String name, Sql test) {
    List<Object> args = new ArrayList<>(List.of(base, type, name));
    args.addAll(test.args);
    Sql ids =
        new Sql(
            "SELECT "
                + alias
                + ".res_id FROM "
                + table
                + " WHERE "
                + Sql.ofBase(alias)
                + " AND "
                + alias
                + ".res_type = ? AND "
                + alias
                + ".param = ? AND "
                + test.text,
            args);
    return new Sql(r + ".res_id IN (" + ids.text + ")", args, ids);
  }

  /**
   * {@code site:Location.address-city=Shanghai}: the target type is searched first, then the
   * resources of this type that reference any target found, by the {@code search_reference} index
   * (one B-tree lookup per target), and the clause is the ids found. As one SQL statement the
   * planner filtered the candidates of the other clauses by comparing each one's tokens with every
   * target key (0.2 s for the 772 Boston sites of 10k trials).
   */
  private Sql chained(String r, ParamDef def, String modifier, String chain, String value)
      throws SQLException {
    if (def.kind() != ParamKind.REFERENCE) {
      throw new SearchException(
          "Search parameter '" + def.name() + "' is not a reference; it cannot be chained");
    }
    List<String> targets = new ArrayList<>();
    if (modifier != null) {
      targets.add(referenceType(def, modifier));
    } else {
      def.targets().stream().filter(registry.types()::contains).sorted().forEach(targets::add);
    }
    List<String> keys = new ArrayList<>();
    boolean known = false;
    for (String target : targets) {
      String chainName = chain.split(":", 2)[0];
      if (!registry.params(target).containsKey(chainName)) {
        continue;
      }
      known = true;
      SqlQuery inner = new SqlQuery(c, base, registry, target, false, aliases);
      String t = "t" + (++aliases[0]);
      Sql where = Sql.join("AND", inner.conditions(t, Map.of(chain, new String[] {value})));
      List<Object> args = new ArrayList<>(List.of(target + "/"));
      if (where.ids != null) {
        // one side-table lookup (address-city=Boston): its ids, without a join per id
        args.addAll(where.ids.args);
        keys.addAll(strings("SELECT DISTINCT ? || x.res_id FROM (" + where.ids.text + ") x", args));
        continue;
      }
      args.addAll(List.of(base, target));
      args.addAll(where.args);
      keys.addAll(
          strings(
              "SELECT ? || "
                  + t
                  + ".res_id FROM search_resource "
                  + t
                  + " WHERE "
                  + Sql.ofBase(t)
                  + " AND "
                  + t
                  + ".res_type = ? AND "
                  + where.text,
              args));
    }
    if (!known) {
      throw SearchSyntax.unsupportedChain(def.name(), chain);
    }
    if (keys.isEmpty()) {
      return Sql.FALSE;
    }
    List<String> sources =
        strings(
            PostgresSearchBackend.REFERENCING,
            List.of(base, type, def.name(), keys.toArray(String[]::new)));
    return sources.isEmpty()
        ? Sql.FALSE
        : new Sql(r + ".res_id = ANY(?)", (Object) sources.toArray(String[]::new));
  }

  /** The first column of every row of a query. */
  private List<String> strings(String sql, List<Object> args) throws SQLException {
    return Sql.strings(c, new Sql(sql, args));
  }

  /**
   * {@code lat|lon|distance|unit}, distance default 50 km: candidates by a bounding box that
   * contains the whole circle, then the exact distance.
   */
  private Sql near(String r, String name, String v) throws SQLException {
    SearchSyntax.Near near = SearchSyntax.near(v);
    double lat = near.lat();
    double lon = near.lon();
    double km = near.km();
    double dLat = km / KM_PER_DEGREE * 1.01 + 1e-9;
    double maxLat = Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat));
    StringBuilder sql =
        new StringBuilder(
            "SELECT p.res_id, p.lat, p.lon FROM search_point p WHERE "
                + Sql.ofBase("p")
                + " AND p.res_type = ?"
                + " AND p.param = ? AND p.lat BETWEEN ? AND ?");
    List<Object> args = new ArrayList<>(List.of(base, type, name, lat - dLat, lat + dLat));
    if (maxLat < 89) {
      double dLon = dLat / Math.cos(Math.toRadians(maxLat));
      if (dLon < 180) {
        double lo = lon - dLon;
        double hi = lon + dLon;
        if (lo < -180) {
          sql.append(" AND (p.lon >= ? OR p.lon <= ?)");
          args.addAll(List.of(lo + 360, hi));
        } else if (hi > 180) {
          sql.append(" AND (p.lon >= ? OR p.lon <= ?)");
          args.addAll(List.of(lo, hi - 360));
        } else {
          sql.append(" AND p.lon BETWEEN ? AND ?");
          args.addAll(List.of(lo, hi));
        }
      }
    }
    Map<String, Double> best = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      Sql.bind(c, ps, 1, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double d = SearchSyntax.haversine(lat, lon, rs.getDouble(2), rs.getDouble(3));
          best.merge(rs.getString(1), d, Math::min);
        }
      }
    }
    List<String> hits = new ArrayList<>();
    for (Map.Entry<String, Double> e : best.entrySet()) {
      if (e.getValue() <= km) {
        hits.add(e.getKey());
        distances.merge(e.getKey(), e.getValue(), Math::min);
      }
    }
    return hits.isEmpty()
        ? Sql.FALSE
        : new Sql(r + ".res_id = ANY(?)", (Object) hits.toArray(String[]::new));
  }

  private static boolean bool(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new SearchException(name + ":missing must be true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  private static void noModifier(String name, String modifier) {
    if (modifier != null) {
      throw SearchSyntax.unsupported(name, modifier);
    }
  }
}

package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.fhirtrials.search.ParamDef;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchHits;
import org.fhirtrials.search.SearchIndexes;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.SearchResult;
import org.fhirtrials.search.StringPool;
import org.fhirtrials.search.postgres.PostgresSearchBackend;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.TestDatabase;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.fhirtrials.store.postgres.SearchRows;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search contract on PostgreSQL (SQL over the side tables; see {@link TestDatabase} for where
 * the database comes from), and a differential check: hundreds of searches over synthetic and seed
 * trials give the same ids, in the same order, with the same distances, as the in-memory index.
 */
class PostgresSearchBackendContractTest extends SearchBackendContract {
  private static final int PAGE = 7;
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @Override
  protected TrialStore emptyStore() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE trial, " + String.join(", ", SearchRows.TABLES));
    }
    return new PostgresTrialStore(
        database.dataSource(), Clock.systemUTC(), PostgresSearchConfig.searchRows());
  }

  /** Fresh statistics after a bulk load, as autovacuum would gather them. */
  private static void analyze() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  @Override
  protected SearchBackend backend(VersionBinding binding) {
    SearchBackend backend = super.backend(binding);
    assertThat(backend).isInstanceOf(PostgresSearchBackend.class);
    return backend;
  }

  @Test
  void aSearchAskingNoTotalIsNotCountedButStillPaged() {
    SearchResult result =
        backend("r4")
            .find(
                "ResearchStudy",
                Map.of(
                    "condition",
                    new String[] {"Paging condition"},
                    "_total",
                    new String[] {"none"}),
                false,
                10);
    assertThat(result.total()).isNull();
    assertThat(result.ids(0, 10)).hasSize(10);
    assertThat(result.ids(20, 30)).hasSize(TrialFixtures.PAGING_COUNT - 20);
  }

  /**
   * A resource that gives the same values in both bases (a Location) is written once, shared; one
   * that differs (a ResearchStudy) once per base. Rows written per base before sharing (V7) are
   * found the same way.
   */
  @Test
  void writesWhatTheBasesShareOnceAndStillFindsRowsWrittenPerBase() throws Exception {
    assertThat(rowsByBase("Location")).containsOnlyKeys("*");
    assertThat(rowsByBase("ResearchStudy")).containsOnlyKeys("r4", "r5");
    Map<String, List<String>> before = sharedRowSearches();
    assertThat(before.get("r4 Location")).isNotEmpty();
    assertThat(before.get("r4 ResearchStudy")).containsExactly(TrialFixtures.HCC);

    // the rows as a build before V7 wrote them: one copy per base
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : SearchRows.TABLES) {
        String columns = columnsBut(c, table, "base");
        for (String base : List.of("r4", "r5")) {
          s.execute(
              "INSERT INTO "
                  + table
                  + " (base, "
                  + columns
                  + ") SELECT '"
                  + base
                  + "', "
                  + columns
                  + " FROM "
                  + table
                  + " WHERE base = '*'");
        }
        s.execute("DELETE FROM " + table + " WHERE base = '*'");
      }
    }
    assertThat(rowsByBase("Location")).containsOnlyKeys("r4", "r5");
    assertThat(sharedRowSearches()).isEqualTo(before);
  }

  /** Searches that read shared rows: by a Location's values, and chained to them. */
  private Map<String, List<String>> sharedRowSearches() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String base : List.of("r4", "r5")) {
      out.put(base + " Location", ids(base, "Location", "address-city", "Lyon"));
      out.put(
          base + " ResearchStudy",
          ids(base, "ResearchStudy", "site:Location.address-city", "Lyon"));
      out.put(base + " near", ids(base, "Location", "near", "45.76|4.84|20|km"));
    }
    return out;
  }

  private static Map<String, Long> rowsByBase(String type) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT base, count(*) FROM search_resource WHERE res_type = '"
                    + type
                    + "' GROUP BY base")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static String columnsBut(Connection c, String table, String except) throws Exception {
    List<String> columns = new ArrayList<>();
    try (var rs = c.getMetaData().getColumns(null, c.getSchema(), table, null)) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals(except)) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return String.join(", ", columns);
  }

  @Test
  void everySearchAnswersAsTheInMemoryIndexDoes(@TempDir Path dir) throws Exception {
    new SyntheticRegistry(7, 1).generate(300, dir, 100, n -> {});
    List<Trial> trials = new ArrayList<>();
    TrialReader reader = new TrialReader();
    try (var files = Files.list(dir)) {
      reader.read(files.sorted().toList(), trials::add);
    }
    reader.readSeeds(trials::add);
    assertThat(trials).hasSizeGreaterThan(300);

    TrialStore pg = emptyStore();
    InMemoryTrialStore memory = new InMemoryTrialStore();
    pg.saveAll(trials);
    memory.saveAll(trials);
    analyze();

    int compared = 0;
    for (VersionBinding binding : List.of(new R4Binding(), new R5Binding())) {
      SearchParamRegistry registry =
          new SearchParamRegistry(binding.context(), FhirServerConfig.SERVED_TYPES);
      TrialResources pgResources = new TrialResources(pg, binding, 5000);
      TrialResources memResources = new TrialResources(memory, binding, 5000);
      SearchBackend sql = ResourceSearchService.backend(pgResources, registry, new StringPool());
      SearchIndexes index =
          new SearchIndexes(binding.context(), registry, new TrialIndexSource(memResources));
      index.changedAll();
      for (Map<String, String[]> query : queries(registry)) {
        String type = query.remove("type")[0];
        String what = binding.name() + " " + type + " " + describe(query);
        SearchHits expected;
        try {
          expected = index.search(type, query, false);
        } catch (SearchException e) {
          assertThatThrownBy(() -> sql.search(type, query, false))
              .as(what)
              .isInstanceOf(SearchException.class)
              .hasMessage(e.getMessage());
          compared++;
          continue;
        }
        SearchHits actual = sql.search(type, query, false);
        assertThat(actual.ids()).as(what).isEqualTo(expected.ids());
        // the same order a page at a time, each page cut in SQL
        SearchResult paged = sql.find(type, query, false, PAGE);
        assertThat(paged.total()).as(what).isEqualTo(expected.ids().size());
        for (int from = 0; from < Math.min(3 * PAGE, expected.ids().size()); from += PAGE) {
          assertThat(paged.ids(from, from + PAGE))
              .as(what + " page at " + from)
              .isEqualTo(expected.ids(from, from + PAGE));
        }
        assertThat(actual.distancesKm().size()).as(what).isEqualTo(expected.distancesKm().size());
        for (int i = 0; i < expected.distancesKm().size(); i++) {
          assertThat(actual.distancesKm().get(i))
              .as(what)
              .isCloseTo(expected.distancesKm().get(i), org.assertj.core.data.Offset.offset(1e-9));
        }
        compared++;
        if (!expected.ids().isEmpty() && type.equals("ResearchStudy")) {
          String id = expected.ids().get(0);
          for (ParamDef ref : registry.references(type)) {
            assertThat(sql.references(type, id, ref.name()))
                .as(what + " references " + ref.name())
                .isEqualTo(index.references(type, id, ref.name()));
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(500);
  }

  /** Searches over every parameter of every served type, of each kind. */
  private static List<Map<String, String[]>> queries(SearchParamRegistry registry) {
    List<Map<String, String[]>> out = new ArrayList<>();
    for (String type : registry.types()) {
      out.add(query(type));
      out.add(query(type, "_sort", "-_id"));
      for (ParamDef def : registry.params(type).values()) {
        String name = def.name();
        out.add(query(type, name + ":missing", "false"));
        out.add(query(type, name + ":missing", "true"));
        out.add(query(type, "_sort", name));
        out.add(query(type, "_sort", "-" + name + ",_id"));
        switch (def.kind()) {
          case STRING -> {
            for (String v : List.of("a", "S", "mé", "new", "Hospital")) {
              out.add(query(type, name, v));
            }
            out.add(query(type, name + ":contains", "er"));
            out.add(query(type, name + ":contains", "cancer"));
            out.add(query(type, name + ":exact", "Boston"));
          }
          case DATE -> {
            for (String v :
                List.of(
                    "ge2020",
                    "lt2018-06",
                    "eq2021",
                    "ne2021",
                    "sa2019-03-01",
                    "eb2024",
                    "ap2022-06",
                    "le2019",
                    "gt2030")) {
              out.add(query(type, name, v));
            }
          }
          case NUMBER -> {
            for (String v : List.of("ge100", "lt50", "eq60", "ap100", "ne40", "gt1000")) {
              out.add(query(type, name, v));
            }
          }
          case TOKEN, URI -> {
            for (String v : List.of("c", "dia", "breast canc", "a")) {
              out.add(query(type, name + ":text", v));
            }
          }
          case NEAR -> {
            for (String v :
                List.of(
                    "40.71|-74.0|500|km",
                    "48.85|2.35|800|km",
                    "35.68|139.69|2000|mi",
                    "-33.87|151.21|100|km",
                    "51.5|-0.12|0|km")) {
              out.add(query(type, name, v, "_sort", name));
              out.add(query(type, name, v, "_sort", "-" + name + ",title"));
            }
          }
          default -> {}
        }
      }
    }
    String rs = "ResearchStudy";
    out.add(query(rs, "recruitment-status", "RECRUITING,COMPLETED", "_sort", "-date"));
    out.add(query(rs, "recruitment-status:not", "RECRUITING"));
    out.add(query(rs, "status", "active", "condition:text", "cancer"));
    out.add(query(rs, "condition", "Asthma,Breast Cancer"));
    out.add(query(rs, "_text", "cancer", "_sort", "_score"));
    out.add(query(rs, "_text", "randomized placebo", "_sort", "-_score,title"));
    out.add(query(rs, "_content", "pregnancy", "date", "ge2020"));
    out.add(query(rs, "site:Location.address-country", "France"));
    out.add(query(rs, "site.address-city", "Boston,New York"));
    out.add(query(rs, "site:Location.near", "40.71|-74.0|200|km"));
    out.add(query(rs, "sponsor.name", "pharma"));
    out.add(query(rs, "protocol:PlanDefinition._id", "NCT06310590"));
    out.add(query(rs, "identifier", "https://clinicaltrials.gov|NCT06310590"));
    out.add(query("Location", "address-country", "United States", "_sort", "address-city"));
    out.add(query("PractitionerRole", "_sort", "-_lastUpdated"));
    return out;
  }

  private static Map<String, String[]> query(String type, String... pairs) {
    Map<String, String[]> q = new LinkedHashMap<>();
    q.put("type", new String[] {type});
    for (int i = 0; i < pairs.length; i += 2) {
      q.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return q;
  }

  private static String describe(Map<String, String[]> query) {
    StringBuilder sb = new StringBuilder();
    query.forEach((k, v) -> sb.append(k).append('=').append(String.join("&", v)).append(' '));
    return sb.toString();
  }
}

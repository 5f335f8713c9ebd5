package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.store.ImportReport;
import org.fhirtrials.store.TestDatabase;
import org.fhirtrials.store.TrialImporter;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server searching the PostgreSQL store while another writer bulk-imports into it: searches never
 * fail, answers about the trials already there never change, the imported trials appear whole (each
 * searchable trial can be read) and only ever more of them, and at the end all of them.
 */
class PostgresSearchDuringImportTest {
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @Test
  void searchesKeepAnsweringCorrectlyWhileABulkImportWrites(@TempDir Path dir) throws Exception {
    int studies = 600;
    new SyntheticRegistry(11, 1).generate(studies, dir, 100, n -> {});
    List<Path> files;
    try (var list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    // the writer and the reader are different stores over one database, as two processes
    PostgresTrialStore writer =
        new PostgresTrialStore(
            database.dataSource(), Clock.systemUTC(), PostgresSearchConfig.searchRows());
    PostgresTrialStore reader = new PostgresTrialStore(database.dataSource());
    writer.save(TrialFixtures.recruitingHccPhase2());
    writer.save(TrialFixtures.completedAsthmaPhase3());
    TrialResources resources = new TrialResources(reader, new R5Binding(), 1000);
    SearchBackend search =
        new ResourceSearchService(resources, FhirServerConfig.SERVED_TYPES).backend();

    AtomicBoolean importing = new AtomicBoolean(true);
    CompletableFuture<ImportReport> imported =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new TrialImporter(writer, 50, (n, f) -> {}).importPaths(files);
              } finally {
                importing.set(false);
              }
            });

    int searches = 0;
    int growing = 0;
    int last = 0;
    do {
      assertThat(ids(search, "sponsor:Organization.name", "Fixture Oncology"))
          .containsExactly(TrialFixtures.HCC);
      assertThat(ids(search, "_text", "fixture"))
          .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
      assertThat(ids(search, "site:Location.address-city", "Lyon")).contains(TrialFixtures.HCC);
      List<String> all = search.search("ResearchStudy", Map.of(), false).ids();
      assertThat(all.size()).isGreaterThanOrEqualTo(last);
      growing += all.size() > last ? 1 : 0;
      last = all.size();
      // a trial that search finds is stored whole: its resources can be read
      String newest = all.get(all.size() - 1);
      assertThat(resources.read("ResearchStudy", newest)).as(newest).isPresent();
      for (String site : search.references("ResearchStudy", newest, "site")) {
        assertThat(resources.resolve(site)).as(site).isPresent();
      }
      searches++;
    } while (importing.get());

    ImportReport report = imported.get(5, TimeUnit.MINUTES);
    assertThat(report.counts().inserted()).isEqualTo(studies);
    assertThat(searches).isGreaterThan(3);
    assertThat(growing).as("searches saw the import progress").isGreaterThan(0);
    List<String> after = new ArrayList<>(search.search("ResearchStudy", Map.of(), false).ids());
    assertThat(after).hasSize(studies + 2);
  }

  private static List<String> ids(SearchBackend search, String param, String value) {
    return search.search("ResearchStudy", Map.of(param, new String[] {value}), false).ids();
  }
}

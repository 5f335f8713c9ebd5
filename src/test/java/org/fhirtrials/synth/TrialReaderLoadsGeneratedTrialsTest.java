package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's importer reads every generated trial, as it would a registry download. */
class TrialReaderLoadsGeneratedTrialsTest {
  private static final int COUNT = 500;

  @TempDir static Path dir;
  private static IngestSummary summary;
  private static final List<Trial> trials = new ArrayList<>();

  @BeforeAll
  static void generateAndRead() {
    Generated.write(COUNT, 99, 200, dir);
    summary = new TrialReader().read(List.of(dir), trials::add);
  }

  @Test
  void loadsEveryGeneratedTrialWithoutRejections() {
    assertThat(summary.rejections()).isEmpty();
    assertThat(summary.loaded()).isEqualTo(COUNT);
    assertThat(trials)
        .extracting(Trial::nctId)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("NCT9"));
  }

  @Test
  void criteriaSplitIntoInclusionAndExclusion() {
    for (Trial t : trials) {
      List<Criterion> criteria = t.eligibility().criteria();
      assertThat(criteria).as(t.nctId()).anyMatch(c -> !c.exclusion());
      assertThat(criteria).as(t.nctId()).anyMatch(Criterion::exclusion);
      // Escaped (\>=) and unspaced comparators are registry markdown, not lost symbols.
      assertThat(criteria).as(t.nctId()).noneMatch(Criterion::comparatorLost);
    }
  }

  @Test
  void nestedLabValuesKeepTheirLeadIn() {
    assertThat(trials.stream().flatMap(t -> t.eligibility().criteria().stream()))
        .anyMatch(c -> c.parentText() != null && c.parentText().startsWith("Adequate"));
  }

  @Test
  void sitesKeepTheirCoordinates() {
    long sites = trials.stream().mapToLong(t -> t.sites().size()).sum();
    long located =
        trials.stream().flatMap(t -> t.sites().stream()).filter(s -> s.geoPoint() != null).count();

    assertThat(sites).isPositive();
    assertThat(located).isGreaterThan(sites * 9 / 10);
  }

  @Test
  void armsAndInterventionsArrive() {
    assertThat(trials).allMatch(t -> !t.arms().isEmpty());
    assertThat(trials)
        .anyMatch(t -> t.interventions().stream().anyMatch(i -> i.armGroupLabels().size() > 1));
  }
}

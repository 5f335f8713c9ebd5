package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.fhir.FhirServerConfig;
import org.fhirtrials.fhir.R4Binding;
import org.fhirtrials.fhir.R5Binding;
import org.fhirtrials.fhir.VersionBinding;
import org.fhirtrials.model.Trial;
import org.fhirtrials.testing.TestTrials;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index keeps no entries per document: it removes a changed trial's entries by reading the
 * version it indexed again. An index updated trial by trial must then hold exactly what an index
 * built afresh from the final trials holds, entry for entry, on real mapped resources (the seeds
 * and synthetic trials with up to 40 sites).
 */
class IndexUpdateTest {
  private static final List<String> TYPES = FhirServerConfig.SERVED_TYPES;

  @TempDir static Path synthetic;

  private static List<Trial> trials;

  @BeforeAll
  static void trials() {
    trials = TestTrials.seedsAndSynthetic(11, 60, synthetic);
    assertThat(trials).hasSizeGreaterThan(60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void anUpdatedIndexHoldsWhatAFreshIndexOfTheFinalTrialsHolds(String base) {
    assertUpdatesEqualAFreshIndex(base, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void aVersionThatCannotBeReadAgainIsScannedOutOfTheIndex(String base) {
    assertUpdatesEqualAFreshIndex(base, true);
  }

  /**
   * Indexes every trial, then changes a third of them (each takes the content of another trial,
   * sites included), removes a third and leaves the rest, and compares with a fresh index.
   */
  private static void assertUpdatesEqualAFreshIndex(String base, boolean oldVersionsUnreadable) {
    VersionBinding binding = base.equals("r4") ? new R4Binding() : new R5Binding();
    SearchParamRegistry registry = new SearchParamRegistry(binding.context(), TYPES);
    MappedSource updated = new MappedSource(binding);
    trials.forEach(t -> updated.trials.put(t.nctId(), t));
    SearchIndexes updatedIndex = new SearchIndexes(binding.context(), registry, updated);
    updatedIndex.changedAll();
    TYPES.forEach(updatedIndex::render); // indexed as first loaded

    if (oldVersionsUnreadable) {
      updated.unreadableAgain.addAll(updated.trials.keySet());
    }
    for (int i = 0; i < trials.size(); i++) {
      String id = trials.get(i).nctId();
      switch (i % 3) {
        case 0 ->
            updated.trials.put(
                id, trials.get((i + 1) % trials.size()).toBuilder().nctId(id).build());
        case 1 -> updated.trials.remove(id);
        default -> {
          continue; // unchanged
        }
      }
      updatedIndex.changed(id);
    }

    MappedSource fresh = new MappedSource(binding);
    fresh.trials.putAll(updated.trials);
    SearchIndexes freshIndex = new SearchIndexes(binding.context(), registry, fresh);
    freshIndex.changedAll();
    for (String type : TYPES) {
      String expected = freshIndex.render(type);
      assertThat(updatedIndex.render(type)).as(type).isEqualTo(expected);
    }
    assertThat(freshIndex.render("ResearchStudy").lines().count()).isGreaterThan(1000);
    assertThat(freshIndex.render("Location")).contains("near ");
  }

  /** Trials mapped anew at every read, as the store's index source maps them. */
  private static final class MappedSource implements IndexSource {
    private final VersionBinding binding;
    final Map<String, Trial> trials = new LinkedHashMap<>();

    /** Trials whose versions throw when read a second time. */
    final Set<String> unreadableAgain = new HashSet<>();

    MappedSource(VersionBinding binding) {
      this.binding = binding;
    }

    @Override
    public Collection<String> trialIds() {
      return List.copyOf(trials.keySet());
    }

    @Override
    public Version current(String nctId) {
      Trial trial = trials.get(nctId);
      if (trial == null) {
        return null;
      }
      return new Version() {
        private int reads;

        @Override
        public List<? extends IBaseResource> resources() {
          if (reads++ > 0 && unreadableAgain.contains(nctId)) {
            throw new IllegalStateException("cannot map " + nctId + " again");
          }
          List<? extends IBaseResource> resources = binding.map(trial);
          for (IBaseResource r : resources) {
            // as served: typed, versioned id and meta (TrialResources)
            String type = binding.context().getResourceType(r);
            String idPart = r.getIdElement().getIdPart();
            r.setId(binding.context().getVersion().newIdType().setParts(null, type, idPart, "1"));
            r.getMeta().setVersionId("1");
            r.getMeta().setLastUpdated(new java.util.Date(1_760_000_000_000L));
          }
          return resources;
        }

        @Override
        public TrialText text() {
          return new TrialText(trial.briefTitle(), trial.briefTitle() + " " + trial.conditions());
        }
      };
    }
  }
}

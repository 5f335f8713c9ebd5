package org.fhirtrials.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Trial;
import org.fhirtrials.search.IndexSource;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Feeds the search index from the store through the version's mapped (cached) resources. */
final class TrialIndexSource implements IndexSource {
  private final TrialResources resources;

  TrialIndexSource(TrialResources resources) {
    this.resources = resources;
  }

  @Override
  public Collection<String> trialIds() {
    return resources.store().all().stream().map(StoredTrial::nctId).toList();
  }

  @Override
  public Version current(String nctId) {
    return resources.store().get(nctId).map(StoredVersion::new).orElse(null);
  }

  /**
   * A stored version: mapped again (uncached) each time it is read, which gives equal resources.
   */
  private final class StoredVersion implements Version {
    private final StoredTrial stored;

    StoredVersion(StoredTrial stored) {
      this.stored = stored;
    }

    @Override
    public List<? extends IBaseResource> resources() {
      return List.copyOf(resources.mappedUncached(stored).byReference().values());
    }

    @Override
    public TrialText text() {
      return TrialIndexSource.text(stored.trial());
    }

    /** Both from one read of the trial (the in-memory store decodes it on each read). */
    @Override
    public Contents contents() {
      StoredTrial read = stored.decoded();
      return new Contents(
          List.copyOf(resources.mappedUncached(read).byReference().values()),
          TrialIndexSource.text(read.trial()));
    }
  }

  /** The text {@code _text}/{@code _content} search: what a person reads to judge a trial. */
  static TrialText text(Trial t) {
    String title = join(Stream.of(t.briefTitle(), t.officialTitle(), t.acronym()));
    List<String> body = new ArrayList<>(List.of(title));
    body.add(nz(t.briefSummary()));
    body.add(nz(t.detailedDescription()));
    body.addAll(t.conditions());
    body.addAll(t.keywords());
    for (Intervention i : t.interventions()) {
      body.add(nz(i.name()));
      body.add(nz(i.description()));
      body.addAll(i.otherNames());
    }
    for (Arm a : t.arms()) {
      body.add(nz(a.label()));
    }
    if (t.eligibility() != null) {
      body.add(nz(t.eligibility().criteriaText()));
    }
    return new TrialText(title, String.join(" \n", body));
  }

  private static String join(Stream<String> parts) {
    return String.join(" ", parts.filter(Objects::nonNull).toList());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

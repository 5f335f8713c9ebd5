package org.fhirtrials.search;

import java.util.Collection;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** What the index reads: the served resources of each stored trial. */
public interface IndexSource {
  /** NCT ids of every stored trial. */
  Collection<String> trialIds();

  /** The served resources of the trial's current version (ResearchStudy first); empty if gone. */
  List<? extends IBaseResource> resources(String nctId);

  /** Title words (weighted higher) and all full text of the trial, for {@code _text}. */
  TrialText text(String nctId);

  /**
   * @param title the titles
   * @param body titles, summaries, conditions, keywords, interventions and eligibility text
   */
  record TrialText(String title, String body) {}
}

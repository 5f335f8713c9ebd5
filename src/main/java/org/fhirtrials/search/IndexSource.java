package org.fhirtrials.search;

import java.util.Collection;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** What the index reads: the served resources of each stored trial. */
public interface IndexSource {
  /** NCT ids of every stored trial. */
  Collection<String> trialIds();

  /** The trial's current version; null when the trial is gone. */
  Version current(String nctId);

  /**
   * One version of a trial. The index keeps the version it indexed instead of the entries it made
   * from it, and removes them, when the trial changes, by reading the version again: so reading a
   * version must give the same resources and text every time.
   */
  interface Version {
    /** The served resources (ResearchStudy first). */
    List<? extends IBaseResource> resources();

    /** Title words (weighted higher) and all full text of the trial, for {@code _text}. */
    TrialText text();

    /**
     * {@link #resources} and {@link #text} at once: what the index reads, so that a source may read
     * the trial once for both.
     */
    default Contents contents() {
      return new Contents(resources(), text());
    }
  }

  /**
   * @param resources the served resources (ResearchStudy first)
   * @param text the trial's text
   */
  record Contents(List<? extends IBaseResource> resources, TrialText text) {}

  /**
   * @param title the titles
   * @param body titles, summaries, conditions, keywords, interventions and eligibility text
   */
  record TrialText(String title, String body) {}
}

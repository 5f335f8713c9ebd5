package org.fhirtrials.ingest;

import org.fhirtrials.model.TrialBuilder;

/** One trial-listing site's page layout. */
interface SeedLayout {
  /** The layout name recorded in {@link org.fhirtrials.model.Source#layout()}. */
  String name();

  /** Whether the page has this layout. */
  boolean recognizes(PageLines page);

  /** The page's own NCT id, or null when it has none. */
  String nctId(PageLines page);

  /** Reads everything else the page gives into {@code trial}. */
  void read(PageLines page, TrialBuilder trial);
}

package org.fhirtrials.cds;

import java.util.List;

/** Durable store of CDS card feedback: a file with the memory store, PostgreSQL with that store. */
public interface FeedbackStore {
  /** Stores the entries durably, all or none. */
  void append(List<FeedbackEntry> entries);

  /** Every stored entry, oldest first. */
  List<FeedbackEntry> all();
}

package org.fhirtrials.cds;

import java.util.List;

/** Durable store of CDS card feedback (file-backed by default; PostgreSQL later). */
public interface FeedbackStore {
  /** Stores the entries durably, all or none. */
  void append(List<FeedbackEntry> entries);

  /** Every stored entry, oldest first. */
  List<FeedbackEntry> all();
}

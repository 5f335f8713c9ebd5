package org.fhirtrials.store;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.ingest.TrialReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Loads the seed trials and {@code fhirtrials.import.paths} into the store before the server takes
 * requests. A read that fails as a whole is logged and the server still starts with what it has;
 * each rejected record is logged with its origin and NCT id.
 */
public final class StartupImport implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

  private final TrialStore store;
  private final ImportProperties properties;

  public StartupImport(TrialStore store, ImportProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    TrialReader reader = new TrialReader();
    if (properties.seeds()) {
      load("seed trials", () -> reader.readSeeds(store::save));
    }
    if (!properties.paths().isEmpty()) {
      List<Path> paths = properties.paths().stream().map(Path::of).toList();
      load("fhirtrials.import.paths " + paths, () -> reader.read(paths, store::save));
    }
    log.info("Store holds {} trials", store.size());
  }

  private void load(String what, Supplier<IngestSummary> read) {
    IngestSummary summary;
    try {
      summary = read.get();
    } catch (RuntimeException e) {
      log.error("Could not load {}: {}", what, e.toString());
      return;
    }
    log.info("Loaded {}: {}", what, summary);
    for (Rejection r : summary.rejections()) {
      log.warn("Rejected {}", r);
    }
  }
}

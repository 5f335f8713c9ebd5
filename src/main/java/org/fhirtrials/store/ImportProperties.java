package org.fhirtrials.store;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the server loads at startup.
 *
 * @param seeds whether to load the five seed trials shipped in the jar (default true)
 * @param paths files, directories and zip archives of registry records to load after the seeds
 *     ({@code fhirtrials.import.paths=a.json,dir,b.zip})
 */
@ConfigurationProperties(prefix = "fhirtrials.import")
public record ImportProperties(@DefaultValue("true") boolean seeds, List<String> paths) {
  public ImportProperties {
    paths =
        paths == null
            ? List.of()
            : paths.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
  }
}

package org.fhirtrials.fhir;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FHIR bases ({@code fhirtrials.fhir.*}).
 *
 * @param defaultPageSize search page size without {@code _count}
 * @param maxPageSize the largest {@code _count} honoured
 * @param pagingCacheSize how many search results are kept for paging ({@code _getpages})
 * @param resourceCacheSize how many mapped trials each base caches
 * @param corsAllowedOrigins origins allowed by CORS ({@code *} for any)
 */
@ConfigurationProperties(prefix = "fhirtrials.fhir")
public record FhirServerProperties(
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("100") int pagingCacheSize,
    @DefaultValue("10000") long resourceCacheSize,
    @DefaultValue("*") List<String> corsAllowedOrigins) {}

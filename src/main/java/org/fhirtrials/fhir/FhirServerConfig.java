package org.fhirtrials.fhir;

import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.match.MatchConfig.AsOf;
import org.fhirtrials.match.TrialMatchService;
import org.fhirtrials.search.StringPool;
import org.fhirtrials.store.TrialStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

/** The two HAPI plain servers: R4 at {@code /fhir/r4/*}, R5 at {@code /fhir/r5/*} (DESIGN D2). */
@Configuration
@EnableConfigurationProperties(FhirServerProperties.class)
public class FhirServerConfig {
  /** Served types, by simple class name (same names in R4 and R5). */
  public static final List<String> SERVED_TYPES =
      List.of(
          "ResearchStudy",
          "PlanDefinition",
          "Group",
          "Location",
          "Organization",
          "Practitioner",
          "PractitionerRole");

  /** The strings of the two bases' search indexes (their values are mostly the same). */
  private final StringPool indexStrings = new StringPool(2);

  @Bean
  ServletRegistrationBean<RestfulServer> r4Server(
      TrialStore store, FhirServerProperties props, TrialMatchService matcher, AsOf asOf) {
    return register(new R4Binding(), store, props, matcher, asOf);
  }

  @Bean
  ServletRegistrationBean<RestfulServer> r5Server(
      TrialStore store, FhirServerProperties props, TrialMatchService matcher, AsOf asOf) {
    return register(new R5Binding(), store, props, matcher, asOf);
  }

  private ServletRegistrationBean<RestfulServer> register(
      VersionBinding binding,
      TrialStore store,
      FhirServerProperties props,
      TrialMatchService matcher,
      AsOf asOf) {
    TrialResources resources = new TrialResources(store, binding, props.resourceCacheSize());
    ResourceSearchService search = new ResourceSearchService(resources, SERVED_TYPES, indexStrings);
    List<IResourceProvider> providers = new ArrayList<>();
    for (String type : SERVED_TYPES) {
      providers.add(
          new SearchProvider(
              binding.context().getResourceDefinition(type).getImplementingClass(),
              resources,
              search));
    }

    providers.add(new SearchParameterProvider(binding.context()));

    RestfulServer server = new RestfulServer(binding.context());
    server.setResourceProviders(providers);
    server.registerProvider(new MatchOperationProvider(resources, matcher, asOf));
    server.setServerName(StudyParams.SOFTWARE);
    server.setServerVersion(FhirServerConfig.class.getPackage().getImplementationVersion());
    server.setImplementationDescription(StudyParams.DESCRIPTION);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    // Include references carry their target only when the request asked for that include.
    server.setBundleInclusionRule(BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);

    server.setPagingProvider(new ReplayablePaging(props, search));

    ServerCapabilityStatementProvider capabilities = new ServerCapabilityStatementProvider(server);
    capabilities.setPublisher(StudyParams.PUBLISHER);
    server.setServerConformanceProvider(capabilities);

    server.registerInterceptor(new ServerInterceptor(binding));
    server.registerInterceptor(new SearchCapabilities(binding.context(), search.registry()));
    server.registerInterceptor(new PagingLinks(binding.context()));
    server.registerInterceptor(new CorsInterceptor(cors(props)));
    server.registerInterceptor(new ResponseHighlighterInterceptor());
    server.registerInterceptor(new EncodedResponses(resources));

    String path = "/fhir/" + binding.name().toLowerCase(Locale.ROOT) + "/*";
    ServletRegistrationBean<RestfulServer> bean = new ServletRegistrationBean<>(server, path);
    bean.setName("fhir-" + binding.name().toLowerCase(Locale.ROOT));
    bean.setLoadOnStartup(1);
    return bean;
  }

  /** Any configured origin may read with GET/POST/OPTIONS and the FHIR request headers. */
  static CorsConfiguration cors(FhirServerProperties props) {
    CorsConfiguration config = new CorsConfiguration();
    props.corsAllowedOrigins().forEach(config::addAllowedOriginPattern);
    config.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    config.setAllowedHeaders(
        List.of(
            Constants.HEADER_ACCEPT,
            Constants.HEADER_CONTENT_TYPE,
            Constants.HEADER_AUTHORIZATION,
            Constants.HEADER_IF_NONE_MATCH,
            Constants.HEADER_IF_MODIFIED_SINCE,
            Constants.HEADER_PREFER,
            "Origin",
            "X-Requested-With",
            "Access-Control-Request-Method",
            "Access-Control-Request-Headers"));
    config.setExposedHeaders(
        List.of(
            Constants.HEADER_LOCATION,
            Constants.HEADER_CONTENT_LOCATION,
            Constants.HEADER_ETAG,
            Constants.HEADER_LAST_MODIFIED));
    config.setMaxAge(3600L);
    return config;
  }
}

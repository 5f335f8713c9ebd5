package org.fhirtrials.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.impl.client.HttpClientBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fetches what prefetch did not supply from the CDS client's FHIR server (R4), with the client's
 * bearer token, HAPI's generic client, bounded timeouts and bounded paging. Paging links are
 * followed only when they point under the same FHIR base, so the token never leaves that server.
 * Redirects are not followed. Every failure is a 412 (CDS Hooks 2.0: the service cannot retrieve
 * the data it needs).
 */
final class FhirServerFetcher {
  /**
   * Searches sorted newest first may stop at the page limit; any other search that would be cut off
   * is a 412, since a condition or medication on a dropped page could be an exclusion.
   */
  static final String NEWEST_FIRST = "_sort=-date";

  private final FhirContext fhir;
  private final int maxPages;

  FhirServerFetcher(CdsProperties.Fetch settings) {
    // A context of our own: client timeouts are set on its (shared) client factory.
    this.fhir = FhirContext.forR4();
    fhir.setRestfulClientFactory(new NoRedirects(fhir));
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhir.getRestfulClientFactory()
        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
    fhir.getRestfulClientFactory()
        .setSocketTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
    this.maxPages = settings.maxPages();
  }

  /**
   * HAPI's Apache client factory with redirects off: a redirect would carry the bearer token to a
   * server that is not on the allow-list. A 3xx answer is a failed fetch (412).
   */
  private static final class NoRedirects extends ApacheRestfulClientFactory {
    NoRedirects(FhirContext fhir) {
      super(fhir);
    }

    @Override
    protected HttpClientBuilder getHttpClientBuilder() {
      return super.getHttpClientBuilder().disableRedirectHandling();
    }
  }

  FhirContext context() {
    return fhir;
  }

  /**
   * The resources a relative URL yields: the resource for a read ({@code Patient/123}), the entries
   * of every page for a search.
   */
  List<Resource> fetch(URI fhirServer, String accessToken, String key, String relativeUrl) {
    String base = stripSlash(fhirServer.toString());
    IGenericClient client = fhir.newRestfulGenericClient(base);
    if (accessToken != null) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
    }
    String url = base + "/" + relativeUrl;
    try {
      if (!relativeUrl.contains("?")) {
        int slash = relativeUrl.indexOf('/');
        return List.of(
            (Resource)
                client
                    .read()
                    .resource(relativeUrl.substring(0, slash))
                    .withId(relativeUrl.substring(slash + 1))
                    .execute());
      }
      List<Resource> out = new ArrayList<>();
      Bundle page = client.search().byUrl(url).returnBundle(Bundle.class).execute();
      for (int pages = 1; ; pages++) {
        page.getEntry().stream()
            .filter(e -> e.hasResource())
            .forEach(e -> out.add(e.getResource()));
        Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
        if (next == null || !sameServer(base, next.getUrl())) {
          return out;
        }
        if (pages >= maxPages) {
          if (relativeUrl.contains(NEWEST_FIRST)) {
            return out; // the newest results are in; older ones fall outside the look-back
          }
          throw CdsException.preconditionFailed(
              "prefetch '"
                  + key
                  + "': "
                  + relativeUrl
                  + " has more than "
                  + maxPages
                  + " pages at fhirServer "
                  + base
                  + "; send it as prefetch or raise fhirtrials.cds.fetch.max-pages");
        }
        page = client.loadPage().next(page).execute();
      }
    } catch (CdsException e) {
      throw e;
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      throw CdsException.preconditionFailed(
          "prefetch '" + key + "': " + relativeUrl + " was not found at fhirServer " + base);
    } catch (FhirClientConnectionException e) {
      throw CdsException.preconditionFailed(
          "prefetch '"
              + key
              + "' was not sent and fhirServer "
              + base
              + " could not be reached or did not answer in time");
    } catch (BaseServerResponseException e) {
      throw CdsException.preconditionFailed(
          "prefetch '"
              + key
              + "' was not sent and fhirServer "
              + base
              + " answered HTTP "
              + e.getStatusCode()
              + " to "
              + relativeUrl);
    } catch (RuntimeException e) {
      // unparseable answers, wrong resource types and the like
      throw CdsException.preconditionFailed(
          "prefetch '"
              + key
              + "' was not sent and fhirServer "
              + base
              + " gave no usable answer to "
              + relativeUrl);
    }
  }

  /** HAPI pages as {@code base?_getpages=...}, others as {@code base/...}. */
  private static boolean sameServer(String base, String url) {
    return url != null && (url.startsWith(base + "/") || url.startsWith(base + "?"));
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}

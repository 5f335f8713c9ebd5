package org.fhirtrials.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A search Bundle entry made only of {@code fullUrl}, {@code resource} and {@code search.mode},
 * each without id or extension: what every page entry of this server is, and what {@link
 * EncodedResponses} writes without HAPI's encoder. A null part is absent. (A {@code search.score},
 * which this server does not give, is left to HAPI: its decimal formatting is HAPI's.)
 */
record PlainEntry(String fullUrl, IBaseResource resource, String mode) {}

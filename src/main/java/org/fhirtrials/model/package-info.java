/**
 * The version-neutral domain model of a clinical trial (DESIGN D1). Plain Java records: no HAPI, no
 * Jackson, no Spring. Every other package depends inward on this one.
 *
 * <p>Conventions: absent facts are {@code null} (scalars) or empty lists (never null lists); the
 * registry's coded values are kept as the registry spells them (e.g. {@code "RECRUITING"}, {@code
 * "PHASE2"}) in enums where logic depends on them, and as strings where they are only carried.
 */
package org.fhirtrials.model;

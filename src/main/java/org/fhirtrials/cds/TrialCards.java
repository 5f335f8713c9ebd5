package org.fhirtrials.cds;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.match.TrialMatch;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns ranked trial matches into CDS Hooks cards (one per trial, ineligible ones never). */
final class TrialCards {
  static final String INDICATOR = "info";
  static final String SOURCE_LABEL = "fhir-trials clinical trial matching";
  static final String REGISTRY_LABEL = "ClinicalTrials.gov record";
  static final String SERVER_LABEL = "ResearchStudy (FHIR R4)";
  static final String R4_PATH = "/fhir/r4/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(TrialCards.class);

  private final FhirContext fhir;
  private final CdsProperties properties;
  private final IssuedCards issued;

  TrialCards(FhirContext fhir, CdsProperties properties, IssuedCards issued) {
    this.fhir = fhir;
    this.properties = properties;
    this.issued = issued;
  }

  /**
   * Cards for the eligible and possibly eligible trials among {@code ranked} (best first), at most
   * {@code max-cards}. Each card is remembered for feedback.
   *
   * @param baseUrl this server's public base URL, without a trailing slash
   */
  List<Card> cards(List<TrialMatch> ranked, String patientId, String baseUrl) {
    List<Card> cards = new ArrayList<>();
    Map<String, String> trialByCard = new LinkedHashMap<>();
    for (TrialMatch m : ranked) {
      if (cards.size() >= properties.maxCards()) {
        break;
      }
      if (m.evaluation().verdict() != Verdict.INELIGIBLE) {
        Card card = card(m, patientId, baseUrl);
        cards.add(card);
        trialByCard.put(card.uuid(), m.trial().nctId());
      }
    }
    remember(trialByCard);
    return cards;
  }

  /**
   * Records the cards for feedback before they are sent. A store failure does not withhold the
   * cards from the clinician: it is logged, and feedback on these cards will be refused.
   */
  private void remember(Map<String, String> trialByCard) {
    if (trialByCard.isEmpty()) {
      return;
    }
    try {
      issued.rememberAll(trialByCard);
    } catch (RuntimeException e) {
      log.error(
          "cannot record {} issued CDS cards; feedback on them will be refused",
          trialByCard.size(),
          e);
    }
  }

  private Card card(TrialMatch m, String patientId, String baseUrl) {
    Trial trial = m.trial().trial();
    String nct = trial.nctId();
    String studyUrl = baseUrl + R4_PATH + "ResearchStudy/" + nct;
    String title = trial.briefTitle() != null ? trial.briefTitle() : trial.officialTitle();
    String label =
        m.evaluation().verdict() == Verdict.ELIGIBLE ? "Trial match" : "Possible trial match";

    List<Card.Link> links = new ArrayList<>();
    links.add(new Card.Link(REGISTRY_LABEL, FhirUrls.registryPage(nct), "absolute", null));
    links.add(new Card.Link(SERVER_LABEL, studyUrl, "absolute", null));
    if (properties.smartAppUrl() != null) {
      links.add(
          new Card.Link(
              properties.smartAppLabel(),
              properties.smartAppUrl().toString(),
              "smart",
              appContext(nct)));
    }
    Card.Suggestion suggestion =
        new Card.Suggestion(
            "Record as trial candidate for " + nct,
            UUID.randomUUID().toString(),
            null,
            List.of(
                new Card.Action(
                    "create",
                    "Create a ResearchSubject (status candidate) for " + nct,
                    researchSubject(nct, title, studyUrl, patientId))));
    String uuid = UUID.randomUUID().toString();
    return new Card(
        uuid,
        Summaries.summary(label, nct, title),
        CriteriaMarkdown.detail(m),
        INDICATOR,
        new Card.Source(SOURCE_LABEL, baseUrl + "/cds-services"),
        List.of(suggestion),
        null,
        links);
  }

  private static String appContext(String nct) {
    try {
      return JSON.writeValueAsString(java.util.Map.of("nctId", nct));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** R4 ResearchSubject: status candidate, study → our ResearchStudy, individual → the patient. */
  private JsonNode researchSubject(String nct, String title, String studyUrl, String patientId) {
    ResearchSubject rs = new ResearchSubject();
    rs.setStatus(ResearchSubject.ResearchSubjectStatus.CANDIDATE);
    rs.setStudy(
        new Reference(studyUrl)
            .setIdentifier(new Identifier().setSystem(FhirUrls.NCT_SYSTEM).setValue(nct))
            .setDisplay(title));
    rs.setIndividual(new Reference("Patient/" + patientId));
    try {
      return JSON.readTree(fhir.newJsonParser().encodeResourceToString(rs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI wrote JSON Jackson cannot read", e);
    }
  }
}

package org.fhirtrials.mapping.r5;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.MeshConcepts;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.mapping.RegistryCodes.Concept;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Link;
import org.fhirtrials.model.MeshTerm;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.ResponsibleParty;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.model.Attachment;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.CodeableReference;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.Group;
import org.hl7.fhir.r5.model.Period;
import org.hl7.fhir.r5.model.PlanDefinition;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r5.model.ResearchStudy;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StringType;

/**
 * Maps a {@link Trial} to FHIR R5 resources: a pure function (no I/O, no clock). The ResearchStudy
 * is mapped by hand (the HL7 convertor cannot convert it, DESIGN D1); PlanDefinition, Group,
 * Organization, Practitioner(Role) and Location are the R4 mapper's resources converted with the
 * HL7 40_50 convertor (lossless for them) and adjusted where R5 differs. Same ids, same order.
 */
public final class R5TrialMapper {
  private static final String VERSION = "r5";

  private final R4TrialMapper r4 = new R4TrialMapper();

  /** All resources derived from the trial, ResearchStudy first. */
  public List<Resource> map(Trial trial) {
    List<org.hl7.fhir.r4.model.Resource> r4Resources = r4.map(trial);
    List<Resource> out = new ArrayList<>();
    out.add(study(trial));
    for (org.hl7.fhir.r4.model.Resource r : r4Resources.subList(1, r4Resources.size())) {
      Resource converted = VersionConvertorFactory_40_50.convertResource(r);
      adjust(converted, trial);
      out.add(converted);
    }
    return out;
  }

  private static void adjust(Resource r, Trial trial) {
    if (r instanceof PlanDefinition p) {
      p.getRelatedArtifact()
          .forEach(
              a -> {
                if (a.hasDocument() && a.getDocument().getUrl().contains("/r4/")) {
                  a.getDocument()
                      .setUrl(FhirUrls.resourceUrl(VERSION, "ResearchStudy", trial.nctId()));
                }
              });
    } else if (r instanceof Group g) {
      g.setMembership(Group.GroupMembershipBasis.DEFINITIONAL);
      // R5 keeps the target enrolment in ResearchStudy.recruitment, not Group.quantity.
      g.setQuantityElement(null);
      if (trial.eligibility().studyPopulation() != null) {
        g.setDescription(trial.eligibility().studyPopulation());
      }
    }
  }

  private static ResearchStudy study(Trial trial) {
    String nct = trial.nctId();
    ResearchStudy s = new ResearchStudy();
    s.setId(ResourceIds.study(nct));
    s.getMeta().addProfile(FhirUrls.PROFILE_RESEARCH_STUDY);
    s.setStatus(PublicationStatus.ACTIVE);
    identifiers(s, trial);
    s.setTitle(trial.title());
    label(s, RegistryCodes.TITLE_TYPE_OFFICIAL, trial.officialTitle());
    label(s, RegistryCodes.TITLE_TYPE_BRIEF, trial.briefTitle());
    label(s, RegistryCodes.TITLE_TYPE_ACRONYM, trial.acronym());
    status(s, trial.status());
    design(s, trial.design());
    MeshConcepts.pair(trial.conditions(), trial.conditionMeshTerms())
        .forEach(p -> s.addCondition(mesh(p.text(), p.mesh())));
    trial.keywords().forEach(k -> s.addKeyword(new CodeableConcept().setText(k)));
    List<String> names = trial.interventions().stream().map(Intervention::name).toList();
    MeshConcepts.pair(names, trial.interventionMeshTerms())
        .forEach(p -> s.addFocus(new CodeableReference(mesh(p.text(), p.mesh()))));
    arms(s, trial);
    outcomes(s, trial);
    if (present(trial.briefSummary())) {
      s.setDescriptionSummary(trial.briefSummary());
    }
    if (present(trial.detailedDescription())) {
      s.setDescription(trial.detailedDescription());
    }
    artifacts(s, trial);
    s.addProtocol(ref("PlanDefinition", ResourceIds.protocol(nct)));
    recruitment(s, trial);
    oversight(s, trial);
    parties(s, trial);
    Set<String> countries = new LinkedHashSet<>();
    for (int i = 0; i < trial.sites().size(); i++) {
      Site site = trial.sites().get(i);
      s.addSite(ref("Location", ResourceIds.site(nct, i + 1)).setDisplay(site.facility()));
      if (present(site.country())) {
        countries.add(site.country());
      }
    }
    for (String c : countries) {
      CodeableConcept cc = new CodeableConcept().setText(c);
      org.fhirtrials.mapping.Countries.isoCode(c)
          .ifPresent(code -> cc.addCoding(new Coding(Terminology.ISO_3166, code, null)));
      s.addRegion(cc);
    }
    return s;
  }

  private static void identifiers(ResearchStudy s, Trial trial) {
    s.addIdentifier().setSystem(FhirUrls.NCT_SYSTEM).setValue(trial.nctId());
    if (present(trial.orgStudyId())) {
      var id = s.addIdentifier().setSystem(FhirUrls.ORG_STUDY_ID_SYSTEM);
      id.setValue(trial.orgStudyId());
      if (trial.leadSponsor() != null) {
        id.setAssigner(new Reference().setDisplay(trial.leadSponsor().name()));
      }
    }
    for (SecondaryId sec : trial.secondaryIds()) {
      if (!present(sec.id())) {
        continue;
      }
      var id = s.addIdentifier().setSystem(FhirUrls.SECONDARY_ID_SYSTEM).setValue(sec.id());
      if (sec.type() != null) {
        id.setType(registry(Domain.SECONDARY_ID_TYPE, sec.type()));
      }
      if (present(sec.domain())) {
        id.setAssigner(new Reference().setDisplay(sec.domain()));
      }
    }
  }

  private static void label(ResearchStudy s, String type, String value) {
    if (present(value)) {
      s.addLabel()
          .setType(
              new CodeableConcept().addCoding(new Coding(Terminology.R5_TITLE_TYPE, type, null)))
          .setValue(value);
    }
  }

  private static void status(ResearchStudy s, StudyStatus st) {
    if (st.overallStatus() != null) {
      Concept registry = Domain.RECRUITMENT_STATUS.concept(st.overallStatus().name()).orElseThrow();
      s.addExtension(FhirUrls.EXT_RECRUITMENT_STATUS, coding(registry));
      CodeableConcept state = new CodeableConcept().setText(registry.display());
      String code = RegistryCodes.R5_PROGRESS_STATE.get(st.overallStatus());
      if (code != null) {
        state.addCoding(new Coding(Terminology.R5_RESEARCH_STUDY_STATUS, code, null));
      }
      state.addCoding(coding(registry));
      s.addProgressStatus().setState(state).setActual(true);
    }
    if (st.startDate() != null || st.completionDate() != null) {
      Period p = new Period();
      if (st.startDate() != null) {
        p.setStartElement(date(st.startDate()));
      }
      if (st.completionDate() != null) {
        p.setEndElement(date(st.completionDate()));
      }
      s.setPeriod(p);
      // The overall study period as a progress entry; actual only when no date is estimated.
      boolean estimated =
          (st.startDate() != null && st.startDate().estimated())
              || (st.completionDate() != null && st.completionDate().estimated());
      s.addProgressStatus()
          .setState(
              new CodeableConcept()
                  .addCoding(
                      new Coding(
                          Terminology.R5_RESEARCH_STUDY_STATUS,
                          RegistryCodes.R5_STATE_OVERALL_STUDY,
                          null)))
          .setActual(!estimated)
          .setPeriod(p.copy());
    }
    if (st.primaryCompletionDate() != null) {
      s.addExtension(FhirUrls.EXT_PRIMARY_COMPLETION, date(st.primaryCompletionDate()));
    }
    if (present(st.whyStopped())) {
      s.setWhyStopped(new CodeableConcept().setText(st.whyStopped()));
    }
  }

  private static void design(ResearchStudy s, Design d) {
    RegistryCodes.phase(d.phases())
        .ifPresentOrElse(
            c -> s.setPhase(new CodeableConcept().addCoding(coding(c)).setText(c.display())),
            () -> {
              if (!d.phases().isEmpty()) {
                s.setPhase(new CodeableConcept().setText(RegistryCodes.phaseDisplay(d.phases())));
              }
            });
    if (d.primaryPurpose() != null) {
      CodeableConcept pp = new CodeableConcept().setText(RegistryCodes.display(d.primaryPurpose()));
      String code = RegistryCodes.PRIMARY_PURPOSE.get(d.primaryPurpose());
      if (code != null) {
        pp.addCoding(new Coding(Terminology.RESEARCH_STUDY_PRIMARY_PURPOSE, code, null));
      }
      s.setPrimaryPurposeType(pp);
    }
    if (d.studyType() != null) {
      s.addClassifier(registry(Domain.STUDY_TYPE, d.studyType()));
    }
    addDesign(s, Domain.ALLOCATION, d.allocation(), null);
    addDesign(
        s, Domain.INTERVENTION_MODEL, d.interventionModel(), d.interventionModelDescription());
    String masked =
        d.whoMasked().isEmpty()
            ? null
            : "Masked: "
                + String.join(", ", d.whoMasked().stream().map(RegistryCodes::display).toList());
    addDesign(s, Domain.MASKING, d.masking(), join(masked, d.maskingDescription()));
    addDesign(s, Domain.OBSERVATIONAL_MODEL, d.observationalModel(), null);
    addDesign(s, Domain.TIME_PERSPECTIVE, d.timePerspective(), null);
  }

  private static void addDesign(ResearchStudy s, Domain domain, String value, String detail) {
    if (value != null) {
      CodeableConcept cc = registry(domain, value);
      cc.setText(
          join(domain.title().replace("ClinicalTrials.gov ", "") + ": " + cc.getText(), detail));
      s.addStudyDesign(cc);
    }
  }

  private static void arms(ResearchStudy s, Trial trial) {
    for (int i = 0; i < trial.arms().size(); i++) {
      Arm arm = trial.arms().get(i);
      var g = s.addComparisonGroup().setLinkId("arm-" + (i + 1)).setName(arm.label());
      g.setDescription(arm.description());
      if (arm.type() != null) {
        CodeableConcept type = registry(Domain.ARM_TYPE, arm.type());
        String code = RegistryCodes.R5_ARM_TYPE.get(arm.type());
        if (code != null) {
          type.addCoding(new Coding(Terminology.R5_ARM_TYPE, code, null));
        }
        g.setType(type);
      }
      // No EvidenceVariable is produced: display-only references name the interventions.
      for (Intervention iv : interventionsOf(trial, arm)) {
        g.addIntendedExposure(new Reference().setDisplay(iv.name()));
      }
    }
  }

  private static List<Intervention> interventionsOf(Trial trial, Arm arm) {
    return org.fhirtrials.mapping.ArmInterventions.of(trial, arm);
  }

  private static void outcomes(ResearchStudy s, Trial trial) {
    for (Outcome o : trial.outcomes()) {
      var m = s.addOutcomeMeasure().setName(o.measure());
      m.addType(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      Terminology.RESEARCH_STUDY_OBJECTIVE_TYPE,
                      RegistryCodes.objectiveType(o.kind()),
                      null)));
      if (present(o.description())) {
        m.setDescription(o.description());
      }
      if (present(o.timeFrame())) {
        m.addExtension(FhirUrls.EXT_TIME_FRAME, new StringType(o.timeFrame()));
      }
    }
  }

  private static void artifacts(ResearchStudy s, Trial trial) {
    s.addRelatedArtifact()
        .setType(RelatedArtifactType.DOCUMENTATION)
        .setLabel("ClinicalTrials.gov record")
        .setDocument(new Attachment().setUrl(FhirUrls.registryPage(trial.nctId())));
    for (org.fhirtrials.model.Reference r : trial.references()) {
      var a = s.addRelatedArtifact().setType(RelatedArtifactType.CITATION);
      a.setCitation(r.citation());
      if (r.type() != null) {
        a.setLabel(RegistryCodes.display(r.type()));
      }
      if (present(r.pmid())) {
        a.setDocument(new Attachment().setUrl(FhirUrls.pubmed(r.pmid())));
      }
    }
    for (Link l : trial.seeAlsoLinks()) {
      if (present(l.url())) {
        s.addRelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setDisplay(l.label())
            .setDocument(new Attachment().setUrl(l.url()));
      }
    }
    for (SecondaryId sec : trial.secondaryIds()) {
      if (present(sec.link())) {
        s.addRelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setDisplay("Secondary id " + sec.id())
            .setDocument(new Attachment().setUrl(sec.link()));
      }
    }
  }

  private static void recruitment(ResearchStudy s, Trial trial) {
    var r = s.getRecruitment();
    Integer count = trial.design().enrollmentCount();
    if (count != null && count >= 0) {
      Boolean estimated = trial.design().enrollmentEstimated();
      if (Boolean.FALSE.equals(estimated)) {
        r.setActualNumber(count);
      } else {
        r.setTargetNumber(count);
        if (estimated != null) {
          r.getTargetNumberElement().addExtension(FhirUrls.EXT_ESTIMATED, new BooleanType(true));
        }
      }
    }
    r.setEligibility(ref("Group", ResourceIds.eligibility(trial.nctId())));
  }

  private static void oversight(ResearchStudy s, Trial trial) {
    var o = trial.oversight();
    if (o != null) {
      Extension ext = new Extension(FhirUrls.EXT_OVERSIGHT);
      flag(ext, "fdaRegulatedDrug", o.fdaRegulatedDrug());
      flag(ext, "fdaRegulatedDevice", o.fdaRegulatedDevice());
      flag(ext, "hasDmc", o.hasDmc());
      if (!ext.getExtension().isEmpty()) {
        s.addExtension(ext);
      }
    }
    ResponsibleParty rp = trial.responsibleParty();
    if (rp != null) {
      Extension ext = new Extension(FhirUrls.EXT_RESPONSIBLE_PARTY);
      string(ext, "type", rp.type());
      string(
          ext,
          "name",
          present(rp.investigatorFullName()) ? rp.investigatorFullName() : rp.oldNameTitle());
      string(ext, "title", rp.investigatorTitle());
      string(
          ext,
          "affiliation",
          present(rp.investigatorAffiliation())
              ? rp.investigatorAffiliation()
              : rp.oldOrganization());
      if (!ext.getExtension().isEmpty()) {
        s.addExtension(ext);
      }
    }
  }

  private static void parties(ResearchStudy s, Trial trial) {
    String nct = trial.nctId();
    if (trial.leadSponsor() != null) {
      party(
          s,
          RegistryCodes.R5_ROLE_LEAD_SPONSOR,
          "Lead sponsor",
          trial.leadSponsor().name(),
          ref("Organization", ResourceIds.leadSponsor(nct)));
    }
    for (int i = 0; i < trial.collaborators().size(); i++) {
      party(
          s,
          RegistryCodes.R5_ROLE_COLLABORATOR,
          "Collaborator",
          trial.collaborators().get(i).name(),
          ref("Organization", ResourceIds.collaborator(nct, i + 1)));
    }
    for (int i = 0; i < trial.overallOfficials().size(); i++) {
      Official o = trial.overallOfficials().get(i);
      String code = o.role() == null ? null : RegistryCodes.R5_PARTY_ROLE.get(o.role());
      party(
          s,
          code,
          o.role() == null ? "Official" : RegistryCodes.display(o.role()),
          o.name(),
          ref("PractitionerRole", ResourceIds.official(nct, i + 1)));
    }
    for (int i = 0; i < trial.centralContacts().size(); i++) {
      Contact c = trial.centralContacts().get(i);
      party(
          s,
          RegistryCodes.R5_ROLE_RECRUITMENT_CONTACT,
          "Central contact",
          c.name(),
          ref("PractitionerRole", ResourceIds.centralContact(nct, i + 1)));
    }
  }

  private static void party(
      ResearchStudy s, String roleCode, String roleText, String name, Reference party) {
    CodeableConcept role = new CodeableConcept().setText(roleText);
    if (roleCode != null) {
      role.addCoding(new Coding(Terminology.R5_PARTY_ROLE, roleCode, null));
    }
    s.addAssociatedParty().setName(name).setRole(role).setParty(party.setDisplay(name));
  }

  // ---------------------------------------------------------------- helpers
  private static CodeableConcept mesh(String text, MeshTerm mesh) {
    CodeableConcept cc = new CodeableConcept().setText(text);
    if (mesh != null) {
      cc.addCoding(new Coding(Terminology.MESH_URI, mesh.id(), mesh.term()));
    }
    return cc;
  }

  private static CodeableConcept registry(Domain domain, String value) {
    CodeableConcept cc = new CodeableConcept().setText(RegistryCodes.display(value));
    domain.concept(value).ifPresent(c -> cc.addCoding(coding(c)));
    return cc;
  }

  private static Coding coding(Concept c) {
    return new Coding(c.system(), c.code(), c.display());
  }

  private static DateTimeType date(PartialDate d) {
    DateTimeType t = new DateTimeType(d.value());
    t.addExtension(FhirUrls.EXT_ESTIMATED, new BooleanType(d.estimated()));
    return t;
  }

  private static Reference ref(String type, String id) {
    return new Reference(type + "/" + id);
  }

  private static void flag(Extension ext, String name, Boolean value) {
    if (value != null) {
      ext.addExtension(name, new BooleanType(value));
    }
  }

  private static void string(Extension ext, String name, String value) {
    if (present(value)) {
      ext.addExtension(name, new StringType(value));
    }
  }

  private static String join(String a, String b) {
    if (!present(a)) {
      return present(b) ? b : null;
    }
    return present(b) ? a + ". " + b : a;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}

package org.fhirtrials.mapping.r4;

import static org.fhirtrials.mapping.r4.R4Types.coding;
import static org.fhirtrials.mapping.r4.R4Types.present;
import static org.fhirtrials.mapping.r4.R4Types.ref;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Link;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.ResponsibleParty;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps a {@link Trial} to FHIR R4 resources: a pure function (no I/O, no clock). Every resource is
 * standalone with the id from {@link ResourceIds}; references are relative ({@code
 * Location/NCT...-site-1}). Output order is stable: ResearchStudy, PlanDefinition, eligibility
 * Group, Organizations, officials, central contacts, then each site's Location and contacts.
 */
public final class R4TrialMapper {
  /** All resources derived from the trial, ResearchStudy first. */
  public List<Resource> map(Trial trial) {
    String nct = trial.nctId();
    List<Resource> out = new ArrayList<>();
    ResearchStudy study = new ResearchStudy();
    out.add(study);
    out.add(R4Protocol.plan(trial));
    out.add(R4Eligibility.group(trial));

    study.setId(ResourceIds.study(nct));
    study.getMeta().addProfile(FhirUrls.PROFILE_RESEARCH_STUDY);
    identifiers(study, trial);
    titles(study, trial);
    status(study, trial.status());
    design(study, trial.design());
    conditionsAndKeywords(study, trial);
    focus(study, trial);
    arms(study, trial);
    outcomes(study, trial);
    description(study, trial);
    artifacts(study, trial);
    study.addProtocol(ref("PlanDefinition", ResourceIds.protocol(nct)));
    study.addEnrollment(ref("Group", ResourceIds.eligibility(nct)));
    oversight(study, trial);

    if (trial.leadSponsor() != null) {
      String id = ResourceIds.leadSponsor(nct);
      out.add(R4Parties.organization(id, trial.leadSponsor()));
      study.setSponsor(ref("Organization", id).setDisplay(trial.leadSponsor().name()));
    }
    for (int i = 0; i < trial.collaborators().size(); i++) {
      String id = ResourceIds.collaborator(nct, i + 1);
      org.fhirtrials.model.Organization org = trial.collaborators().get(i);
      out.add(R4Parties.organization(id, org));
      associatedParty(study, R4Types.text("Collaborator"), ref("Organization", id));
    }
    boolean piSet = false;
    for (int i = 0; i < trial.overallOfficials().size(); i++) {
      Official o = trial.overallOfficials().get(i);
      String id = ResourceIds.official(nct, i + 1);
      out.addAll(R4Parties.official(id, o));
      Reference role = ref("PractitionerRole", id).setDisplay(o.name());
      if (!piSet && "PRINCIPAL_INVESTIGATOR".equals(o.role())) {
        study.setPrincipalInvestigator(role);
        piSet = true;
      } else {
        associatedParty(study, R4Parties.roleCode(o.role()), role);
      }
    }
    for (int i = 0; i < trial.centralContacts().size(); i++) {
      Contact c = trial.centralContacts().get(i);
      String id = ResourceIds.centralContact(nct, i + 1);
      out.addAll(R4Parties.contact(id, c, null));
      ContactDetail cd = study.addContact().setName(c.name());
      R4Types.phone(c).ifPresent(cd::addTelecom);
      R4Types.email(c).ifPresent(cd::addTelecom);
    }
    Set<String> countries = new LinkedHashSet<>();
    for (int i = 0; i < trial.sites().size(); i++) {
      Site s = trial.sites().get(i);
      out.addAll(R4Parties.site(nct, i + 1, s));
      study.addSite(ref("Location", ResourceIds.site(nct, i + 1)).setDisplay(s.facility()));
      if (present(s.country())) {
        countries.add(s.country());
      }
    }
    countries.forEach(c -> study.addLocation(R4Parties.country(c)));
    return out;
  }

  private static void identifiers(ResearchStudy study, Trial trial) {
    study.addIdentifier().setSystem(FhirUrls.NCT_SYSTEM).setValue(trial.nctId());
    if (present(trial.orgStudyId())) {
      var id = study.addIdentifier().setSystem(FhirUrls.ORG_STUDY_ID_SYSTEM);
      id.setValue(trial.orgStudyId());
      if (trial.leadSponsor() != null) {
        id.setAssigner(new Reference().setDisplay(trial.leadSponsor().name()));
      }
    }
    for (SecondaryId s : trial.secondaryIds()) {
      if (!present(s.id())) {
        continue;
      }
      var id = study.addIdentifier().setSystem(FhirUrls.SECONDARY_ID_SYSTEM).setValue(s.id());
      if (s.type() != null) {
        id.setType(R4Types.registry(Domain.SECONDARY_ID_TYPE, s.type()));
      }
      if (present(s.domain())) {
        id.setAssigner(new Reference().setDisplay(s.domain()));
      }
    }
  }

  /** R4 has one title: the official title; brief title and acronym go into extensions. */
  private static void titles(ResearchStudy study, Trial trial) {
    study.setTitle(trial.title());
    if (present(trial.officialTitle()) && present(trial.briefTitle())) {
      R4Types.addString(study, FhirUrls.EXT_BRIEF_TITLE, trial.briefTitle());
    }
    R4Types.addString(study, FhirUrls.EXT_ACRONYM, trial.acronym());
  }

  private static void status(ResearchStudy study, StudyStatus s) {
    String code =
        s.overallStatus() == null
            ? RegistryCodes.R4_STATUS_ABSENT
            : RegistryCodes.R4_STATUS.get(s.overallStatus());
    study.setStatus(ResearchStudy.ResearchStudyStatus.fromCode(code));
    if (s.overallStatus() != null) {
      study.addExtension(
          FhirUrls.EXT_RECRUITMENT_STATUS,
          coding(Domain.RECRUITMENT_STATUS.concept(s.overallStatus().name()).orElseThrow()));
    }
    if (s.startDate() != null || s.completionDate() != null) {
      Period p = new Period();
      if (s.startDate() != null) {
        p.setStartElement(R4Types.date(s.startDate()));
      }
      if (s.completionDate() != null) {
        p.setEndElement(R4Types.date(s.completionDate()));
      }
      study.setPeriod(p);
    }
    if (s.primaryCompletionDate() != null) {
      study.addExtension(FhirUrls.EXT_PRIMARY_COMPLETION, R4Types.date(s.primaryCompletionDate()));
    }
    if (present(s.whyStopped())) {
      study.setReasonStopped(R4Types.text(s.whyStopped()));
    }
    // Lossy: registry bookkeeping dates (verified, first/last submitted and posted) are not mapped.
  }

  private static void design(ResearchStudy study, Design d) {
    RegistryCodes.phase(d.phases())
        .ifPresentOrElse(
            c -> study.setPhase(R4Types.concept(c, c.display())),
            () -> {
              if (!d.phases().isEmpty()) {
                study.setPhase(R4Types.text(RegistryCodes.phaseDisplay(d.phases())));
              }
            });
    if (d.primaryPurpose() != null) {
      CodeableConcept pp = R4Types.text(RegistryCodes.display(d.primaryPurpose()));
      String code = RegistryCodes.PRIMARY_PURPOSE.get(d.primaryPurpose());
      if (code != null) {
        pp.addCoding(new Coding(Terminology.RESEARCH_STUDY_PRIMARY_PURPOSE, code, null));
      }
      study.setPrimaryPurposeType(pp);
    }
    category(study, Domain.STUDY_TYPE, "Study type", d.studyType(), null);
    category(study, Domain.ALLOCATION, "Allocation", d.allocation(), null);
    category(
        study,
        Domain.INTERVENTION_MODEL,
        "Intervention model",
        d.interventionModel(),
        d.interventionModelDescription());
    String masked =
        d.whoMasked().isEmpty()
            ? null
            : "Masked: "
                + String.join(", ", d.whoMasked().stream().map(RegistryCodes::display).toList());
    category(study, Domain.MASKING, "Masking", d.masking(), join(masked, d.maskingDescription()));
    category(
        study, Domain.OBSERVATIONAL_MODEL, "Observational model", d.observationalModel(), null);
    category(study, Domain.TIME_PERSPECTIVE, "Time perspective", d.timePerspective(), null);
  }

  /** A design fact as a category; free-text qualifiers ride in the concept text. */
  private static void category(
      ResearchStudy study, Domain domain, String label, String value, String detail) {
    if (value == null) {
      return;
    }
    CodeableConcept cc = R4Types.registry(domain, value);
    cc.setText(join(label + ": " + RegistryCodes.display(value), detail));
    study.addCategory(cc);
  }

  private static String join(String a, String b) {
    if (!present(a)) {
      return present(b) ? b : null;
    }
    return present(b) ? a + ". " + b : a;
  }

  private static void conditionsAndKeywords(ResearchStudy study, Trial trial) {
    for (CodeableConcept cc : R4Mesh.concepts(trial.conditions(), trial.conditionMeshTerms())) {
      study.addCondition(cc);
    }
    trial.keywords().forEach(k -> study.addKeyword(R4Types.text(k)));
  }

  private static void focus(ResearchStudy study, Trial trial) {
    List<String> names = trial.interventions().stream().map(Intervention::name).toList();
    for (CodeableConcept cc : R4Mesh.concepts(names, trial.interventionMeshTerms())) {
      study.addFocus(cc);
    }
  }

  private static void arms(ResearchStudy study, Trial trial) {
    for (Arm arm : trial.arms()) {
      var a = study.addArm().setName(arm.label()).setDescription(arm.description());
      if (arm.type() != null) {
        a.setType(R4Types.registry(Domain.ARM_TYPE, arm.type()));
      }
    }
  }

  private static void outcomes(ResearchStudy study, Trial trial) {
    for (Outcome o : trial.outcomes()) {
      var obj = study.addObjective();
      // Lossy: R4 objective has only a name; the description joins the measure after " — ".
      obj.setName(present(o.description()) ? o.measure() + " — " + o.description() : o.measure());
      obj.setType(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      Terminology.RESEARCH_STUDY_OBJECTIVE_TYPE,
                      RegistryCodes.objectiveType(o.kind()),
                      null)));
      if (present(o.timeFrame())) {
        obj.addExtension(FhirUrls.EXT_TIME_FRAME, new StringType(o.timeFrame()));
      }
    }
  }

  /** R4 has one description: brief summary, then the detailed description, as markdown. */
  private static void description(ResearchStudy study, Trial trial) {
    String d = trial.briefSummary();
    if (present(trial.detailedDescription())) {
      d = present(d) ? d + "\n\n" + trial.detailedDescription() : trial.detailedDescription();
    }
    if (present(d)) {
      study.setDescription(d);
    }
  }

  private static void artifacts(ResearchStudy study, Trial trial) {
    study
        .addRelatedArtifact()
        .setType(RelatedArtifactType.DOCUMENTATION)
        .setLabel("ClinicalTrials.gov record")
        .setUrl(FhirUrls.registryPage(trial.nctId()));
    for (org.fhirtrials.model.Reference r : trial.references()) {
      var a = study.addRelatedArtifact().setType(RelatedArtifactType.CITATION);
      a.setCitation(r.citation());
      if (r.type() != null) {
        a.setLabel(RegistryCodes.display(r.type()));
      }
      if (present(r.pmid())) {
        a.setUrl(FhirUrls.pubmed(r.pmid()));
      }
    }
    for (Link l : trial.seeAlsoLinks()) {
      if (present(l.url())) {
        study
            .addRelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setDisplay(l.label())
            .setUrl(l.url());
      }
    }
    for (SecondaryId s : trial.secondaryIds()) {
      if (present(s.link())) {
        study
            .addRelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setDisplay("Secondary id " + s.id())
            .setUrl(s.link());
      }
    }
  }

  private static void oversight(ResearchStudy study, Trial trial) {
    var o = trial.oversight();
    if (o != null) {
      Extension ext = new Extension(FhirUrls.EXT_OVERSIGHT);
      addFlag(ext, "fdaRegulatedDrug", o.fdaRegulatedDrug());
      addFlag(ext, "fdaRegulatedDevice", o.fdaRegulatedDevice());
      addFlag(ext, "hasDmc", o.hasDmc());
      if (!ext.getExtension().isEmpty()) {
        study.addExtension(ext);
      }
    }
    ResponsibleParty rp = trial.responsibleParty();
    if (rp != null) {
      Extension ext = new Extension(FhirUrls.EXT_RESPONSIBLE_PARTY);
      R4Types.addString(ext, "type", rp.type());
      R4Types.addString(ext, "name", firstPresent(rp.investigatorFullName(), rp.oldNameTitle()));
      R4Types.addString(ext, "title", rp.investigatorTitle());
      R4Types.addString(
          ext, "affiliation", firstPresent(rp.investigatorAffiliation(), rp.oldOrganization()));
      if (!ext.getExtension().isEmpty()) {
        study.addExtension(ext);
      }
    }
  }

  private static String firstPresent(String a, String b) {
    return present(a) ? a : b;
  }

  private static void addFlag(Extension ext, String name, Boolean value) {
    if (value != null) {
      ext.addExtension(name, new BooleanType(value));
    }
  }

  private static void associatedParty(ResearchStudy study, CodeableConcept role, Reference party) {
    Extension ext = new Extension(FhirUrls.EXT_ASSOCIATED_PARTY);
    ext.addExtension("role", role);
    ext.addExtension("party", party);
    study.addExtension(ext);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

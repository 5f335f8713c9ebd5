package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fhirtrials.fhir.StudyFacts.Concept;
import org.fhirtrials.fhir.StudyFacts.Token;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/** The R4 base: {@code ResearchStudy.status} is the status, eligibility is {@code enrollment}. */
public final class R4Binding implements VersionBinding {
  private final R4TrialMapper mapper = new R4TrialMapper();

  @Override
  public String name() {
    return "R4";
  }

  @Override
  public FhirContext context() {
    return FhirContext.forR4Cached();
  }

  @Override
  public List<Resource> map(Trial trial) {
    return mapper.map(trial);
  }

  @Override
  public StudyFacts facts(IBaseResource resource) {
    ResearchStudy study = (ResearchStudy) resource;
    List<Concept> status = new ArrayList<>();
    if (study.hasStatus()) {
      status.add(Concept.ofCode(study.getStatus().getSystem(), study.getStatus().toCode()));
    }
    return new StudyFacts(
        study.getIdElement().getIdPart(),
        study.getIdentifier().stream().map(i -> new Token(i.getSystem(), i.getValue())).toList(),
        study.getTitle(),
        status,
        study.getCondition().stream().map(R4Binding::concept).toList(),
        study.hasPhase() ? List.of(concept(study.getPhase())) : List.of(),
        recruitmentStatus(study));
  }

  /** The registry status extension: a Coding (a CodeableConcept or code is read too). */
  private static List<Concept> recruitmentStatus(ResearchStudy study) {
    List<Concept> out = new ArrayList<>();
    for (Extension ext : study.getExtensionsByUrl(StudyParams.EXT_RECRUITMENT_STATUS)) {
      if (ext.getValue() instanceof Coding c) {
        out.add(Concept.ofCode(c.getSystem(), c.getCode()));
      } else if (ext.getValue() instanceof CodeableConcept cc) {
        out.add(concept(cc));
      } else if (ext.getValue() instanceof PrimitiveType<?> p && p.hasValue()) {
        out.add(Concept.ofCode(null, p.getValueAsString()));
      }
    }
    return out;
  }

  static Concept concept(CodeableConcept cc) {
    List<String> texts = new ArrayList<>();
    if (cc.hasText()) {
      texts.add(cc.getText());
    }
    List<Token> codings = new ArrayList<>();
    cc.getCoding()
        .forEach(
            c -> {
              codings.add(new Token(c.getSystem(), c.getCode()));
              if (c.hasDisplay()) {
                texts.add(c.getDisplay());
              }
            });
    return new Concept(codings, texts);
  }

  @Override
  public Set<String> includes() {
    return Set.of(
        StudyParams.INCLUDE_PROTOCOL,
        StudyParams.INCLUDE_ENROLLMENT,
        StudyParams.INCLUDE_SITE,
        StudyParams.INCLUDE_SPONSOR);
  }

  @Override
  public List<IBaseReference> includeReferences(IBaseResource resource, String include) {
    ResearchStudy study = (ResearchStudy) resource;
    return switch (include) {
      case StudyParams.INCLUDE_PROTOCOL -> List.copyOf(study.getProtocol());
      case StudyParams.INCLUDE_ENROLLMENT -> List.copyOf(study.getEnrollment());
      case StudyParams.INCLUDE_SITE -> List.copyOf(study.getSite());
      case StudyParams.INCLUDE_SPONSOR ->
          study.hasSponsor() ? List.of(study.getSponsor()) : List.of();
      default -> List.of();
    };
  }

  @Override
  public void describe(IBaseConformance conformance) {
    CapabilityStatement cs = (CapabilityStatement) conformance;
    cs.setName("FhirTrialsR4");
    cs.setTitle("fhir-trials FHIR R4 server");
    cs.setPublisher(StudyParams.PUBLISHER);
    cs.setDescription(StudyParams.DESCRIPTION);
    cs.getSoftware().setName(StudyParams.SOFTWARE);
    Set<String> custom =
        Set.of(StudyParams.CONDITION, StudyParams.PHASE, StudyParams.RECRUITMENT_STATUS);
    cs.getRest().stream()
        .flatMap(rest -> rest.getResource().stream())
        .filter(r -> r.getType().equals("ResearchStudy"))
        .flatMap(r -> r.getSearchParam().stream())
        .filter(p -> custom.contains(p.getName()))
        .forEach(p -> p.setDefinition(StudyParams.definition(p.getName())));
  }
}

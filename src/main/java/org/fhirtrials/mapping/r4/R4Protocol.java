package org.fhirtrials.mapping.r4;

import org.fhirtrials.mapping.ArmInterventions;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Trial;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionSelectionBehavior;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;

/**
 * The protocol PlanDefinition: one action group per arm whose child actions are the arm's
 * interventions. A randomised trial allocates each participant to exactly one arm.
 */
final class R4Protocol {
  private R4Protocol() {}

  static PlanDefinition plan(Trial trial) {
    PlanDefinition p = new PlanDefinition();
    p.setId(ResourceIds.protocol(trial.nctId()));
    p.setStatus(PublicationStatus.ACTIVE);
    p.setTitle("Protocol of " + trial.nctId() + ": " + trial.title());
    p.setType(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    Terminology.PLAN_DEFINITION_TYPE,
                    Terminology.PLAN_DEFINITION_TYPE_CLINICAL_PROTOCOL,
                    "Clinical Protocol")));
    p.addIdentifier().setSystem(FhirUrls.NCT_SYSTEM).setValue(trial.nctId());
    p.addRelatedArtifact()
        .setType(RelatedArtifact.RelatedArtifactType.DOCUMENTATION)
        .setLabel("ResearchStudy")
        .setUrl(FhirUrls.resourceUrl("r4", "ResearchStudy", trial.nctId()));
    if ("RANDOMIZED".equals(trial.design().allocation()) && trial.arms().size() > 1) {
      PlanDefinitionActionComponent top = p.addAction();
      top.setTitle("Randomised allocation to one arm");
      top.setSelectionBehavior(ActionSelectionBehavior.EXACTLYONE);
      trial.arms().forEach(arm -> armAction(top.addAction(), arm, trial));
    } else {
      // Non-randomised: the record does not say how arms are chosen; no selection behaviour.
      trial.arms().forEach(arm -> armAction(p.addAction(), arm, trial));
    }
    return p;
  }

  private static void armAction(PlanDefinitionActionComponent a, Arm arm, Trial trial) {
    a.setId(armLinkId(trial, arm));
    a.setTitle(arm.label());
    a.setDescription(arm.description());
    if (arm.type() != null) {
      a.addCode(R4Types.registry(Domain.ARM_TYPE, arm.type()));
    }
    a.setSelectionBehavior(ActionSelectionBehavior.ALL);
    for (Intervention i : ArmInterventions.of(trial, arm)) {
      PlanDefinitionActionComponent child = a.addAction();
      child.setTitle(i.name());
      child.setDescription(i.description());
      if (i.type() != null) {
        child.setType(R4Types.registry(Domain.INTERVENTION_TYPE, i.type()));
      }
      i.otherNames().forEach(n -> child.addCode(R4Types.text(n)));
    }
  }

  /** Stable link id of an arm ("arm-1"...), shared with ResearchStudy.arm ordering. */
  static String armLinkId(Trial trial, Arm arm) {
    return "arm-" + (trial.arms().indexOf(arm) + 1);
  }
}

package org.fhirtrials.mapping.r4;

import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps a {@link Trial} to FHIR R4 resources: a pure function (no I/O, no clock). Every resource is
 * standalone with the id from {@link ResourceIds}; references are relative ({@code
 * Location/NCT...-site-1}).
 */
public final class R4TrialMapper {
  /** All resources derived from the trial, ResearchStudy first. */
  public List<Resource> map(Trial trial) {
    List<Resource> out = new ArrayList<>();
    ResearchStudy study = new ResearchStudy();
    study.setId(ResourceIds.study(trial.nctId()));
    study.addIdentifier().setSystem(FhirUrls.NCT_SYSTEM).setValue(trial.nctId());
    study.setTitle(trial.title());
    study.setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE);
    out.add(study);
    return out;
  }
}

package org.fhirtrials.synth;

import static org.fhirtrials.synth.ConditionProfile.AgeBand.ADULT;
import static org.fhirtrials.synth.ConditionProfile.AgeBand.ANY_INCLUDING_CHILDREN;
import static org.fhirtrials.synth.ConditionProfile.AgeBand.OLDER;
import static org.fhirtrials.synth.ConditionProfile.AgeBand.PEDIATRIC;
import static org.fhirtrials.synth.ConditionProfile.Trait.BRAIN;
import static org.fhirtrials.synth.ConditionProfile.Trait.HEME;
import static org.fhirtrials.synth.ConditionProfile.Trait.HEPATIC;
import static org.fhirtrials.synth.ConditionProfile.Trait.SOLID_TUMOR;
import static org.fhirtrials.synth.ConditionProfile.Trait.VIRAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fhirtrials.model.MeshTerm;
import org.fhirtrials.synth.ConditionProfile.AgeBand;
import org.fhirtrials.synth.ConditionProfile.Trait;

/**
 * The weighted mix of conditions. MeSH ids are only those seen in real registry records under
 * {@code shared/data/ctgov-v2} or confirmed in several public MeSH tables; conditions without a
 * verified descriptor carry no derived MeSH term at all rather than a guessed id.
 */
final class ConditionCatalog {
  // Shared ancestor terms (ids as in real registry records).
  private static final MeshTerm NEOPLASMS = mesh("D009369", "Neoplasms");
  private static final MeshTerm BY_SITE = mesh("D009371", "Neoplasms by Site");
  private static final MeshTerm BY_HISTOLOGY = mesh("D009370", "Neoplasms by Histologic Type");
  private static final MeshTerm CARDIOVASCULAR = mesh("D002318", "Cardiovascular Diseases");
  private static final MeshTerm HEART = mesh("D006331", "Heart Diseases");
  private static final MeshTerm VASCULAR = mesh("D014652", "Vascular Diseases");
  private static final MeshTerm NERVOUS = mesh("D009422", "Nervous System Diseases");
  private static final MeshTerm CNS = mesh("D002493", "Central Nervous System Diseases");
  private static final MeshTerm BRAIN_DISEASES = mesh("D001927", "Brain Diseases");
  private static final MeshTerm INFECTIONS = mesh("D007239", "Infections");
  private static final MeshTerm VIRUS_DISEASES = mesh("D014777", "Virus Diseases");
  private static final MeshTerm RNA_VIRUS = mesh("D012327", "RNA Virus Infections");
  private static final MeshTerm RESP_INFECTIONS = mesh("D012141", "Respiratory Tract Infections");
  private static final MeshTerm LUNG_DISEASES = mesh("D008171", "Lung Diseases");
  private static final MeshTerm RESP_DISEASES = mesh("D012140", "Respiratory Tract Diseases");
  private static final MeshTerm GENETIC = mesh("D030342", "Genetic Diseases, Inborn");
  private static final MeshTerm[] LYMPHOMA_ANCESTORS = {
    mesh("D008232", "Lymphoproliferative Disorders"),
    mesh("D008206", "Lymphatic Diseases"),
    mesh("D007160", "Immunoproliferative Disorders"),
    mesh("D007154", "Immune System Diseases"),
    BY_HISTOLOGY,
    NEOPLASMS
  };
  private static final MeshTerm[] DIABETES_ANCESTORS = {
    mesh("D003920", "Diabetes Mellitus"),
    mesh("D044882", "Glucose Metabolism Disorders"),
    mesh("D008659", "Metabolic Diseases"),
    mesh("D004700", "Endocrine System Diseases")
  };

  private static final List<Builder> BUILDERS = new ArrayList<>();

  static {
    oncology();
    cardiology();
    metabolic();
    infectious();
    neurology();
    others();
  }

  private static final Weighted<ConditionProfile> TABLE = table();

  private ConditionCatalog() {}

  static ConditionProfile draw(Rng rng) {
    return TABLE.draw(rng);
  }

  static List<ConditionProfile> all() {
    return TABLE.values();
  }

  private static Weighted<ConditionProfile> table() {
    Weighted.Builder<ConditionProfile> table = Weighted.builder();
    for (Builder b : BUILDERS) {
      table.add(b.weight, b.build());
    }
    return table.build();
  }

  private static void oncology() {
    c("hcc", Area.ONCOLOGY, 6)
        .labels(
            "Hepatocellular Carcinoma",
            "Carcinoma, Hepatocellular",
            "Liver Cancer",
            "HCC",
            "Advanced Hepatocellular Carcinoma")
        .mesh("D006528", "Carcinoma, Hepatocellular")
        .mesh("D008113", "Liver Neoplasms")
        .ancestors(BY_SITE, NEOPLASMS)
        .keywords("HCC", "liver cancer", "immunotherapy", "TACE", "cirrhosis", "BCLC")
        .agents(
            "atezolizumab",
            "bevacizumab",
            "lenvatinib",
            "durvalumab",
            "tremelimumab",
            "PROCEDURE:Transarterial chemoembolization (TACE)",
            "RADIATION:Stereotactic body radiotherapy")
        .soc("sorafenib", "lenvatinib")
        .traits(SOLID_TUMOR, HEPATIC)
        .inc(
            "Histologically or cytologically confirmed hepatocellular carcinoma (HCC)",
            "Diagnosis of HCC confirmed by histology/cytology or clinically by AASLD criteria in"
                + " patients with cirrhosis",
            "Confirmed diagnosis of HCC according to EASL or AASLD guidelines")
        .inc(
            "Barcelona Clinic Liver Cancer (BCLC) stage B or C",
            "BCLC stage C, or BCLC stage B not amenable to locoregional therapy",
            "Unresectable HCC not eligible for curative treatment")
        .inc(
            "Child-Pugh class A",
            "Child-Pugh score {<=} 7",
            "Child-Pugh A or B7 liver function",
            "Child-Pugh score 5-6 (class A) within 7 days before the first dose")
        .inc(
            "No prior systemic therapy for advanced or unresectable HCC",
            "Radiographic progression on or intolerance to first-line atezolizumab plus"
                + " bevacizumab")
        .inc(
            "Patients with chronic HBV infection must have HBV DNA {<} 500 IU/mL and be on"
                + " antiviral therapy",
            "Participants with active HBV infection must receive anti-HBV therapy for at least 14"
                + " days before study entry")
        .exc(
            "Hepatic encephalopathy within 6 months before enrollment",
            "History of hepatic encephalopathy requiring treatment")
        .exc(
            "Clinically significant ascites requiring paracentesis within 28 days",
            "Moderate or severe ascites")
        .exc(
            "Esophageal or gastric variceal bleeding within 6 months prior to enrollment",
            "Untreated or incompletely treated esophageal or gastric varices with bleeding or at"
                + " high risk for bleeding")
        .exc(
            "Main portal vein tumor thrombosis (Vp4) or tumor invasion of the inferior vena cava",
            "Tumor thrombus involving the main portal vein or superior mesenteric vein")
        .exc(
            "Prior liver transplantation",
            "Known fibrolamellar HCC, sarcomatoid HCC or mixed" + " cholangiocarcinoma and HCC")
        .exc("Co-infection with HBV and HCV, or HBV and hepatitis D virus");
    c("breast", Area.ONCOLOGY, 9)
        .labels(
            "Breast Cancer",
            "Breast Neoplasms",
            "Metastatic Breast Cancer",
            "HER2-positive Breast Cancer",
            "Triple Negative Breast Cancer",
            "HR+/HER2- Breast Cancer")
        .mesh("D001943", "Breast Neoplasms")
        .ancestors(
            BY_SITE,
            NEOPLASMS,
            mesh("D001941", "Breast Diseases"),
            mesh("D012871", "Skin Diseases"))
        .keywords(
            "breast cancer", "HER2", "CDK4/6", "endocrine therapy", "metastatic", "triple negative")
        .agents(
            "palbociclib=C000500026",
            "trastuzumab deruxtecan",
            "ribociclib",
            "pembrolizumab=C582435|pembrolizumab",
            "sacituzumab govitecan",
            "camizestrant")
        .soc("letrozole", "fulvestrant", "paclitaxel=D017239", "capecitabine")
        .sex("FEMALE")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically confirmed HR-positive, HER2-negative breast cancer per ASCO/CAP"
                + " guidelines",
            "HER2-positive breast cancer (IHC 3+ or ISH-amplified) confirmed by local laboratory",
            "Locally advanced or metastatic triple-negative breast cancer (ER {<} 1%, PR {<} 1%,"
                + " HER2-negative)")
        .inc(
            "Postmenopausal women, or pre/perimenopausal women receiving ovarian function"
                + " suppression with a GnRH agonist",
            "No more than one prior line of chemotherapy for advanced disease")
        .exc(
            "Prior treatment with a CDK4/6 inhibitor",
            "Inflammatory breast cancer",
            "Visceral crisis requiring immediate chemotherapy");
    c("nsclc", Area.ONCOLOGY, 9)
        .labels(
            "Non-small Cell Lung Cancer",
            "NSCLC",
            "Lung Cancer",
            "Carcinoma, Non-Small-Cell Lung",
            "Stage IV Lung Adenocarcinoma")
        .mesh("D008175", "Lung Neoplasms")
        .mesh("D002289", "Carcinoma, Non-Small-Cell Lung")
        .ancestors(
            mesh("D002283", "Carcinoma, Bronchogenic"),
            mesh("D001984", "Bronchial Neoplasms"),
            mesh("D012142", "Respiratory Tract Neoplasms"),
            mesh("D013899", "Thoracic Neoplasms"),
            BY_SITE,
            NEOPLASMS,
            LUNG_DISEASES,
            RESP_DISEASES)
        .keywords("NSCLC", "EGFR", "ALK", "PD-L1", "immunotherapy", "lung adenocarcinoma")
        .agents(
            "osimertinib",
            "pembrolizumab=C582435|pembrolizumab",
            "durvalumab",
            "amivantamab",
            "datopotamab deruxtecan",
            "RADIATION:Thoracic radiotherapy")
        .soc("carboplatin=D016190", "cisplatin=D002945", "pemetrexed=D000068437", "docetaxel")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically or cytologically documented stage IIIB-IV NSCLC (AJCC 8th edition)",
            "Pathologically confirmed non-squamous NSCLC, locally advanced or metastatic")
        .inc(
            "Documented EGFR exon 19 deletion or exon 21 L858R mutation",
            "No known sensitizing EGFR mutation or ALK/ROS1 rearrangement",
            "PD-L1 tumor proportion score (TPS) {>=} 50% by 22C3 assay",
            "KRAS G12C mutation identified by a validated test")
        .exc(
            "History of interstitial lung disease or pneumonitis that required steroids",
            "Small cell lung cancer or mixed small cell histology");
    c("crc", Area.ONCOLOGY, 6)
        .labels(
            "Colorectal Cancer",
            "Metastatic Colorectal Cancer",
            "Colorectal Neoplasms",
            "Colon Cancer",
            "Rectal Cancer")
        .mesh("D015179", "Colorectal Neoplasms")
        .ancestors(BY_SITE, NEOPLASMS)
        .keywords("colorectal cancer", "mCRC", "RAS wild-type", "MSI-H", "BRAF V600E")
        .agents("bevacizumab", "cetuximab", "panitumumab", "encorafenib", "fruquintinib")
        .soc("FOLFOX", "FOLFIRI", "capecitabine", "trifluridine/tipiracil")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically confirmed adenocarcinoma of the colon or rectum",
            "Metastatic colorectal adenocarcinoma not amenable to curative resection")
        .inc(
            "RAS wild-type tumor (KRAS and NRAS exons 2, 3 and 4)",
            "Microsatellite-stable (MSS) or mismatch repair-proficient (pMMR) disease",
            "Disease progression on or intolerance to fluoropyrimidine, oxaliplatin and irinotecan")
        .exc(
            "Known dihydropyrimidine dehydrogenase (DPD) deficiency",
            "Bowel obstruction within 3 months");
    c("dlbcl", Area.ONCOLOGY, 3)
        .labels(
            "Diffuse Large B-cell Lymphoma",
            "DLBCL",
            "Relapsed/Refractory DLBCL",
            "Lymphoma, Large B-Cell, Diffuse",
            "B-cell Lymphoma")
        .mesh("D008223", "Lymphoma")
        .mesh("D016403", "Lymphoma, Large B-Cell, Diffuse")
        .ancestors(mesh("D008228", "Lymphoma, Non-Hodgkin"))
        .ancestors(LYMPHOMA_ANCESTORS)
        .keywords("DLBCL", "CAR-T", "bispecific antibody", "CD20", "relapsed", "refractory")
        .agents(
            "glofitamab",
            "epcoritamab",
            "polatuzumab vedotin",
            "BIOLOGICAL:axicabtagene ciloleucel",
            "lenalidomide")
        .soc("R-CHOP", "rituximab", "gemcitabine=D000093542")
        .traits(HEME)
        .inc(
            "Relapsed or refractory DLBCL after at least 2 prior lines of systemic therapy,"
                + " including an anti-CD20 antibody and an anthracycline",
            "Previously untreated CD20-positive DLBCL, IPI score 2-5")
        .inc(
            "At least one bidimensionally measurable lesion {>} 1.5 cm by CT or PET-CT (Lugano"
                + " 2014)")
        .exc(
            "Current or history of central nervous system (CNS) lymphoma",
            "Richter's transformation or primary mediastinal B-cell lymphoma");
    c("follicular", Area.ONCOLOGY, 1.5)
        .labels("Follicular Lymphoma", "Lymphoma, Follicular", "Indolent Non-Hodgkin Lymphoma")
        .mesh("D008223", "Lymphoma")
        .mesh("D008224", "Lymphoma, Follicular")
        .ancestors(mesh("D008228", "Lymphoma, Non-Hodgkin"))
        .ancestors(LYMPHOMA_ANCESTORS)
        .keywords("follicular lymphoma", "refractory", "relapsed", "lymph nodes")
        .agents("mosunetuzumab", "tazemetostat", "zanubrutinib", "obinutuzumab")
        .soc("rituximab", "bendamustine")
        .traits(HEME)
        .inc(
            "Histologically confirmed grade 1, 2 or 3a follicular lymphoma",
            "Relapsed or refractory follicular lymphoma after at least two prior systemic"
                + " therapies including an anti-CD20 antibody")
        .exc("Histologically confirmed grade 3b follicular lymphoma or transformed lymphoma");
    c("hodgkin", Area.ONCOLOGY, 1)
        .labels("Hodgkin Lymphoma", "Classical Hodgkin Lymphoma", "Hodgkin Disease")
        .mesh("D008223", "Lymphoma")
        .mesh("D006689", "Hodgkin Disease")
        .ancestors(LYMPHOMA_ANCESTORS)
        .keywords("Hodgkin lymphoma", "brentuximab vedotin", "PD-1")
        .agents("brentuximab vedotin", "nivolumab", "pembrolizumab=C582435|pembrolizumab")
        .soc("ABVD", "BEACOPP")
        .ages(ANY_INCLUDING_CHILDREN)
        .traits(HEME)
        .inc(
            "Histologically confirmed classical Hodgkin lymphoma",
            "Relapsed or refractory cHL after autologous stem cell transplant")
        .exc(
            "Nodular lymphocyte-predominant Hodgkin lymphoma",
            "Prior allogeneic stem cell transplantation");
    c("myeloma", Area.ONCOLOGY, 3)
        .labels("Multiple Myeloma", "Relapsed Refractory Multiple Myeloma", "Plasma Cell Myeloma")
        .mesh("D009101", "Multiple Myeloma")
        .ancestors(NEOPLASMS)
        .keywords("multiple myeloma", "BCMA", "CD38", "bispecific", "RRMM")
        .agents(
            "teclistamab",
            "elranatamab",
            "daratumumab",
            "BIOLOGICAL:ciltacabtagene autoleucel",
            "iberdomide")
        .soc("pomalidomide", "dexamethasone", "carfilzomib", "bortezomib")
        .traits(HEME)
        .inc(
            "Measurable disease: serum M-protein {>=} 0.5 g/dL, urine M-protein {>=} 200 mg/24"
                + " h, or involved serum free light chain {>=} 10 mg/dL with abnormal ratio")
        .inc(
            "Relapsed or refractory multiple myeloma after at least 3 prior lines of therapy,"
                + " including a proteasome inhibitor, an immunomodulatory drug and an anti-CD38"
                + " antibody",
            "Newly diagnosed multiple myeloma not eligible for autologous stem cell transplant")
        .exc(
            "Plasma cell leukemia, Waldenström macroglobulinemia, POEMS syndrome or primary AL"
                + " amyloidosis",
            "Prior BCMA-directed therapy");
    c("cll", Area.ONCOLOGY, 1.5)
        .labels("Chronic Lymphocytic Leukemia", "CLL", "Small Lymphocytic Lymphoma")
        .mesh("D015451", "Leukemia, Lymphocytic, Chronic, B-Cell")
        .ancestors(
            mesh("D015448", "Leukemia, B-Cell"),
            mesh("D007945", "Leukemia, Lymphoid"),
            mesh("D007938", "Leukemia"),
            BY_HISTOLOGY,
            NEOPLASMS)
        .keywords("CLL", "SLL", "BTK inhibitor", "BCL2")
        .agents("zanubrutinib", "acalabrutinib", "venetoclax", "pirtobrutinib")
        .soc("obinutuzumab", "ibrutinib")
        .ages(OLDER)
        .traits(HEME)
        .inc(
            "Diagnosis of CLL/SLL meeting iwCLL 2018 criteria",
            "Active disease requiring treatment per iwCLL 2018 criteria")
        .exc("Known or suspected Richter's transformation");
    c("prostate", Area.ONCOLOGY, 5)
        .labels(
            "Prostate Cancer",
            "Metastatic Castration-resistant Prostate Cancer",
            "Prostatic Neoplasms",
            "mCRPC")
        .mesh("D011471", "Prostatic Neoplasms")
        .ancestors(BY_SITE, NEOPLASMS)
        .keywords("prostate cancer", "mCRPC", "PSMA", "androgen receptor", "ADT")
        .agents(
            "enzalutamide",
            "darolutamide",
            "lutetium Lu 177 vipivotide tetraxetan",
            "capivasertib",
            "RADIATION:Stereotactic body radiation therapy")
        .soc("abiraterone acetate", "docetaxel", "androgen deprivation therapy")
        .sex("MALE")
        .ages(OLDER)
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically or cytologically confirmed adenocarcinoma of the prostate without"
                + " small cell features")
        .inc(
            "Serum testosterone {<} 50 ng/dL (1.7 nmol/L) on continuous androgen deprivation"
                + " therapy",
            "PSA progression per PCWG3 criteria",
            "At least one PSMA-positive lesion on PSMA PET/CT")
        .exc("Prior treatment with a second-generation androgen receptor inhibitor");
    c("melanoma", Area.ONCOLOGY, 2.5)
        .labels("Melanoma", "Metastatic Melanoma", "Unresectable Melanoma", "Cutaneous Melanoma")
        .mesh("D008545", "Melanoma")
        .ancestors(mesh("D018326", "Nevi and Melanomas"), BY_HISTOLOGY, NEOPLASMS)
        .keywords("melanoma", "BRAF", "PD-1", "LAG-3", "adjuvant")
        .agents(
            "nivolumab",
            "relatlimab",
            "ipilimumab",
            "BIOLOGICAL:lifileucel",
            "BIOLOGICAL:mRNA-4157 (V940)")
        .soc("pembrolizumab=C582435|pembrolizumab", "dabrafenib", "trametinib")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically confirmed unresectable stage III or stage IV melanoma (AJCC 8th"
                + " edition)",
            "Completely resected stage IIB-IV cutaneous melanoma")
        .inc("Known BRAF V600 mutation status")
        .exc("Uveal or mucosal melanoma", "Prior anti-PD-1 therapy in the advanced setting");
    c("pancreatic", Area.ONCOLOGY, 2.5)
        .labels(
            "Pancreatic Cancer", "Pancreatic Ductal Adenocarcinoma", "Metastatic Pancreatic Cancer")
        .mesh("D010190", "Pancreatic Neoplasms")
        .ancestors(BY_SITE, NEOPLASMS)
        .keywords("pancreatic cancer", "PDAC", "KRAS")
        .agents("daraxonrasib", "nab-paclitaxel=D000068196|Albumin-Bound Paclitaxel", "olaparib")
        .soc("gemcitabine=D000093542", "FOLFIRINOX")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically or cytologically confirmed pancreatic ductal adenocarcinoma",
            "Metastatic pancreatic adenocarcinoma with no prior systemic therapy for metastatic"
                + " disease")
        .exc("Pancreatic neuroendocrine tumor or acinar cell carcinoma");
    c("endometrial", Area.ONCOLOGY, 1)
        .labels("Endometrial Cancer", "Endometrial Neoplasms", "Endometrial Carcinoma")
        .mesh("D016889", "Endometrial Neoplasms")
        .ancestors(
            mesh("D014594", "Uterine Neoplasms"),
            mesh("D005833", "Genital Neoplasms, Female"),
            mesh("D014565", "Urogenital Neoplasms"),
            BY_SITE,
            NEOPLASMS)
        .keywords("endometrial cancer", "dMMR", "MSI-H", "uterine")
        .agents("dostarlimab", "lenvatinib", "pembrolizumab=C582435|pembrolizumab")
        .soc("carboplatin=D016190", "paclitaxel=D017239")
        .sex("FEMALE")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically confirmed advanced or recurrent endometrial carcinoma",
            "Mismatch repair-deficient (dMMR) endometrial cancer by immunohistochemistry")
        .exc("Uterine sarcoma or carcinosarcoma");
    c("glioblastoma", Area.ONCOLOGY, 1.5)
        .labels("Glioblastoma", "Recurrent Glioblastoma", "Brain Tumor", "Glioma")
        .mesh("D001932", "Brain Neoplasms")
        .ancestors(
            mesh("D016543", "Central Nervous System Neoplasms"),
            mesh("D009423", "Nervous System Neoplasms"),
            BY_SITE,
            NEOPLASMS,
            BRAIN_DISEASES,
            CNS,
            NERVOUS)
        .keywords("glioblastoma", "GBM", "IDH-wildtype", "temozolomide", "MGMT")
        .agents("vorasidenib", "DEVICE:Tumor Treating Fields", "BIOLOGICAL:Oncolytic virus")
        .soc("temozolomide", "RADIATION:Radiotherapy 60 Gy in 30 fractions")
        .traits(BRAIN)
        .inc(
            "Histologically confirmed IDH-wildtype glioblastoma (WHO 2021 classification)",
            "First recurrence of glioblastoma after standard chemoradiation")
        .inc(
            "Karnofsky performance status {>=} 70%",
            "Stable or decreasing corticosteroid dose" + " for at least 5 days before baseline MRI")
        .exc("Tumor primarily localized to the brainstem or spinal cord");
    c("solid", Area.ONCOLOGY, 3.5)
        .labels(
            "Advanced Solid Tumor",
            "Solid Tumor, Adult",
            "Metastatic Cancer",
            "Advanced Malignant Neoplasm")
        .mesh("D009369", "Neoplasms")
        .keywords("first-in-human", "dose escalation", "solid tumors", "ADC", "bispecific")
        .agents("BIOLOGICAL:antibody-drug conjugate")
        .soc("pembrolizumab=C582435|pembrolizumab")
        .traits(SOLID_TUMOR)
        .inc(
            "Histologically or cytologically confirmed advanced or metastatic solid tumor that"
                + " has progressed on, or is intolerant to, standard therapy",
            "Locally advanced or metastatic solid tumor for which no standard therapy exists")
        .inc("Willing to provide archival tumor tissue or undergo a fresh biopsy")
        .exc(
            "Prior treatment with an agent of the same mechanism of action as the study drug",
            "Prior solid organ or allogeneic stem cell transplantation");
  }

  private static void cardiology() {
    c("heart-failure", Area.CARDIOLOGY, 4)
        .labels(
            "Heart Failure",
            "Heart Failure With Reduced Ejection Fraction",
            "Heart Failure With Preserved Ejection Fraction",
            "Chronic Heart Failure")
        .mesh("D006333", "Heart Failure")
        .ancestors(HEART, CARDIOVASCULAR)
        .keywords("heart failure", "HFrEF", "HFpEF", "NT-proBNP", "hospitalization")
        .agents("finerenone", "vericiguat", "DEVICE:Implantable hemodynamic monitor")
        .soc("dapagliflozin", "sacubitril/valsartan", "empagliflozin")
        .ages(OLDER)
        .inc("Chronic heart failure (NYHA class II-IV) for at least 3 months before screening")
        .inc(
            "Left ventricular ejection fraction (LVEF) {<=} 40% within the prior 12 months",
            "LVEF {>=} 50% with structural heart disease",
            "LVEF {<=} 35% by echocardiography, MUGA or cardiac MRI")
        .inc(
            "NT-proBNP {>=} 600 pg/mL (or {>=} 900 pg/mL in patients with atrial fibrillation)",
            "BNP {>=} 150 pg/mL at screening")
        .exc(
            "Acute decompensated heart failure within 4 weeks before randomization",
            "Systolic blood pressure {<} 95 mmHg at randomization")
        .exc("Cardiac surgery or percutaneous coronary intervention within 3 months");
    c("af", Area.CARDIOLOGY, 3)
        .labels(
            "Atrial Fibrillation",
            "Paroxysmal Atrial Fibrillation",
            "Persistent Atrial" + " Fibrillation")
        .mesh("D001281", "Atrial Fibrillation")
        .ancestors(HEART, CARDIOVASCULAR)
        .keywords("atrial fibrillation", "ablation", "anticoagulation", "stroke prevention")
        .agents(
            "abelacimab",
            "milvexian",
            "DEVICE:Pulsed field ablation system",
            "DEVICE:Left atrial appendage closure device")
        .soc("apixaban", "rivaroxaban", "PROCEDURE:Radiofrequency catheter ablation")
        .ages(OLDER)
        .inc(
            "Paroxysmal or persistent atrial fibrillation documented by ECG within the past 12"
                + " months",
            "Symptomatic paroxysmal AF refractory or intolerant to at least one class I or III"
                + " antiarrhythmic drug")
        .inc("CHA2DS2-VASc score {>=} 2 (men) or {>=} 3 (women)")
        .exc(
            "Mechanical prosthetic heart valve or moderate-to-severe mitral stenosis",
            "Left atrial diameter {>} 50 mm")
        .exc("Active bleeding or a condition with high bleeding risk");
    c("hypertension", Area.CARDIOLOGY, 4)
        .labels(
            "Hypertension",
            "Essential Hypertension",
            "Uncontrolled Hypertension",
            "Resistant Hypertension")
        .mesh("D006973", "Hypertension")
        .ancestors(VASCULAR, CARDIOVASCULAR)
        .keywords("blood pressure", "hypertension", "aldosterone synthase", "renal denervation")
        .agents(
            "baxdrostat",
            "lorundrostat",
            "zilebesiran",
            "DEVICE:Renal denervation system",
            "BEHAVIORAL:Home blood pressure telemonitoring")
        .soc("amlodipine", "losartan", "hydrochlorothiazide")
        .inc(
            "Mean seated office systolic blood pressure {>=} 140 mmHg and {<} 180 mmHg",
            "Mean 24-hour ambulatory SBP {>=} 130 mmHg")
        .inc("On a stable regimen of at least 2 antihypertensive medications for {>=} 4 weeks")
        .exc(
            "Known secondary hypertension (e.g., renal artery stenosis, pheochromocytoma)",
            "Serum potassium {>} 5.0 mmol/L at screening")
        .exc("eGFR {<} 30 mL/min/1.73 m2");
    c("cad", Area.CARDIOLOGY, 2.5)
        .labels(
            "Coronary Artery Disease",
            "Stable Angina",
            "Atherosclerotic Cardiovascular" + " Disease")
        .mesh("D003324", "Coronary Artery Disease")
        .ancestors(
            mesh("D003327", "Coronary Disease"),
            mesh("D017202", "Myocardial Ischemia"),
            HEART,
            CARDIOVASCULAR,
            mesh("D001161", "Arteriosclerosis"),
            mesh("D001157", "Arterial Occlusive Diseases"),
            VASCULAR)
        .keywords("coronary artery disease", "PCI", "LDL-C", "Lp(a)", "atherosclerosis")
        .agents(
            "inclisiran",
            "olpasiran",
            "colchicine",
            "DEVICE:Drug-eluting stent",
            "DEVICE:Drug-coated balloon")
        .soc("ticagrelor", "clopidogrel", "atorvastatin")
        .ages(OLDER)
        .inc(
            "Angiographically documented coronary artery disease ({>=} 50% stenosis in at least"
                + " one major epicardial vessel)",
            "Established atherosclerotic cardiovascular disease")
        .inc(
            "Fasting LDL-C {>=} 70 mg/dL (1.8 mmol/L) despite maximally tolerated statin therapy",
            "Lipoprotein(a) {>=} 175 nmol/L at screening")
        .exc("Planned coronary revascularization", "NYHA class IV heart failure");
    c("mi", Area.CARDIOLOGY, 2)
        .labels(
            "Myocardial Infarction",
            "Acute Myocardial Infarction",
            "STEMI",
            "Acute Coronary Syndrome")
        .mesh("D009203", "Myocardial Infarction")
        .ancestors(mesh("D017202", "Myocardial Ischemia"), HEART, CARDIOVASCULAR, VASCULAR)
        .keywords("myocardial infarction", "STEMI", "primary PCI", "cardioprotection")
        .agents("colchicine", "zalunfiban", "DEVICE:Intravascular imaging-guided PCI")
        .soc("ticagrelor", "prasugrel", "aspirin")
        .ages(OLDER)
        .inc(
            "Spontaneous type 1 myocardial infarction within 7 days before randomization",
            "ST-segment elevation myocardial infarction presenting within 12 hours of symptom"
                + " onset")
        .exc("Cardiogenic shock at presentation", "Prior coronary artery bypass grafting");
  }

  private static void metabolic() {
    c("t2dm", Area.METABOLIC, 7)
        .labels("Type 2 Diabetes", "Type 2 Diabetes Mellitus", "Diabetes Mellitus, Type 2", "T2DM")
        .mesh("D003924", "Diabetes Mellitus, Type 2")
        .ancestors(DIABETES_ANCESTORS)
        .keywords("type 2 diabetes", "HbA1c", "GLP-1", "glycemic control", "body weight")
        .agents(
            "orforglipron",
            "tirzepatide",
            "insulin icodec",
            "cagrilintide",
            "BEHAVIORAL:Digital lifestyle coaching")
        .soc("metformin", "semaglutide", "insulin glargine", "Placebo")
        .inc("Diagnosed with type 2 diabetes mellitus for at least 180 days before screening")
        .inc(
            "HbA1c {>=} 7.0% and {<=} 10.5% at screening",
            "HbA1c between 7.5% and 11.0%" + " (inclusive)", "HbA1c 53-86 mmol/mol (7.0-10.0%)")
        .inc("Body mass index (BMI) {>=} 25 kg/m2", "BMI 23-45 kg/m2 (inclusive)")
        .inc(
            "Treated with stable metformin ({>=} 1500 mg/day) for at least 90 days",
            "Treated with diet and exercise alone")
        .exc("Type 1 diabetes mellitus or history of diabetic ketoacidosis")
        .exc(
            "History of acute or chronic pancreatitis",
            "Personal or family history of medullary thyroid carcinoma or multiple endocrine"
                + " neoplasia type 2")
        .exc("Proliferative diabetic retinopathy or maculopathy requiring acute treatment");
    c("t1dm", Area.METABOLIC, 2)
        .labels("Type 1 Diabetes", "Type 1 Diabetes Mellitus", "Diabetes Mellitus, Type 1")
        .mesh("D003922", "Diabetes Mellitus, Type 1")
        .ancestors(DIABETES_ANCESTORS)
        .keywords("type 1 diabetes", "closed loop", "insulin pump", "CGM", "beta cell")
        .agents(
            "teplizumab",
            "DEVICE:Automated insulin delivery system",
            "BIOLOGICAL:Stem cell-derived islets")
        .soc("insulin aspart", "DEVICE:Continuous glucose monitor")
        .ages(ANY_INCLUDING_CHILDREN)
        .inc(
            "Clinical diagnosis of type 1 diabetes for {>=} 1 year",
            "Stage 2 type 1 diabetes with {>=} 2 positive islet autoantibodies")
        .inc(
            "Using an insulin pump or multiple daily injections",
            "Fasting C-peptide {<} 0.3 nmol/L")
        .exc("Severe hypoglycemia within 6 months", "Diabetic ketoacidosis within 6 months");
    c("obesity", Area.METABOLIC, 3)
        .labels("Obesity", "Overweight or Obesity", "Obesity; Weight Management")
        .keywords("obesity", "weight loss", "incretin", "GLP-1", "body weight")
        .agents(
            "retatrutide",
            "survodutide",
            "amycretin",
            "BEHAVIORAL:Intensive lifestyle" + " intervention")
        .soc("semaglutide", "Placebo")
        .inc("BMI {>=} 30 kg/m2, or {>=} 27 kg/m2 with at least one weight-related comorbidity")
        .inc("History of at least one unsuccessful dietary effort to lose body weight")
        .exc(
            "Change in body weight {>} 5 kg within 3 months before screening",
            "Prior or planned bariatric surgery");
  }

  private static void infectious() {
    c("hiv", Area.INFECTIOUS, 3)
        .labels("HIV", "HIV-1 Infection", "HIV Infections")
        .mesh("D015658", "HIV Infections")
        .ancestors(RNA_VIRUS, VIRUS_DISEASES, INFECTIONS)
        .keywords("HIV-1", "antiretroviral therapy", "long-acting", "PrEP", "viral suppression")
        .agents("lenacapavir", "cabotegravir", "islatravir")
        .soc("bictegravir/emtricitabine/tenofovir alafenamide", "dolutegravir")
        .traits(VIRAL)
        .inc(
            "Documented HIV-1 infection",
            "HIV-1 RNA {<} 50 copies/mL on a stable antiretroviral regimen for {>=} 6 months")
        .inc("CD4+ T-cell count {>=} 200 cells/mm³", "CD4+ count {>} 350 cells/µL at screening")
        .exc(
            "Active hepatitis B infection (HBsAg positive)",
            "History of virologic failure on an integrase inhibitor-containing regimen");
    c("covid", Area.INFECTIOUS, 2.5)
        .labels("COVID-19", "SARS-CoV-2 Infection", "Covid19")
        .mesh("D000086382", "COVID-19")
        .ancestors(
            mesh("D011024", "Pneumonia, Viral"),
            mesh("D011014", "Pneumonia"),
            RESP_INFECTIONS,
            INFECTIONS,
            mesh("D018352", "Coronavirus Infections"),
            RNA_VIRUS,
            VIRUS_DISEASES,
            LUNG_DISEASES,
            RESP_DISEASES)
        .keywords("COVID-19", "SARS-CoV-2", "antiviral", "vaccine", "long COVID")
        .agents("remdesivir=C000606551", "ensitrelvir", "BIOLOGICAL:mRNA COVID-19 vaccine")
        .soc("nirmatrelvir/ritonavir", "Placebo")
        .ages(ANY_INCLUDING_CHILDREN)
        .traits(VIRAL)
        .inc(
            "Laboratory-confirmed SARS-CoV-2 infection by RT-PCR or antigen test within 5 days"
                + " before randomization",
            "Hospitalized with COVID-19 pneumonia requiring supplemental oxygen")
        .inc("Onset of COVID-19 symptoms {<=} 5 days before randomization")
        .exc(
            "Requirement for invasive mechanical ventilation or ECMO at randomization",
            "Received a COVID-19 vaccine within 3 months");
    c("influenza", Area.INFECTIOUS, 1.5)
        .labels("Influenza", "Influenza, Human", "Seasonal Influenza")
        .mesh("D007251", "Influenza, Human")
        .ancestors(RNA_VIRUS, VIRUS_DISEASES, RESP_INFECTIONS, INFECTIONS)
        .keywords("influenza", "vaccine", "immunogenicity", "antiviral")
        .agents(
            "baloxavir marboxil",
            "BIOLOGICAL:mRNA influenza vaccine",
            "BIOLOGICAL:Quadrivalent influenza vaccine")
        .soc("oseltamivir", "Placebo")
        .ages(ANY_INCLUDING_CHILDREN)
        .traits(VIRAL)
        .inc(
            "Influenza-like illness with fever {>=} 38.0 °C and at least one respiratory"
                + " symptom",
            "Healthy adults who have not received a seasonal influenza vaccine in the current"
                + " season")
        .inc("Onset of symptoms {<=} 48 hours before enrollment")
        .exc(
            "History of Guillain-Barré syndrome",
            "Received influenza antiviral therapy within" + " 14 days");
    c("tb", Area.INFECTIOUS, 1)
        .labels("Tuberculosis", "Pulmonary Tuberculosis", "Drug-resistant Tuberculosis")
        .mesh("D014376", "Tuberculosis")
        .ancestors(INFECTIONS)
        .keywords("tuberculosis", "MDR-TB", "short-course regimen")
        .agents("bedaquiline", "pretomanid", "linezolid", "rifapentine")
        .soc("isoniazid", "rifampicin")
        .traits(VIRAL)
        .inc(
            "Sputum smear-positive or Xpert MTB/RIF-positive pulmonary tuberculosis",
            "Rifampicin-resistant pulmonary tuberculosis confirmed by molecular testing")
        .exc("Extrapulmonary tuberculosis requiring prolonged treatment");
    c("hbv", Area.INFECTIOUS, 1)
        .labels("Chronic Hepatitis B", "Hepatitis B, Chronic", "HBV Infection")
        .keywords("hepatitis B", "HBsAg loss", "functional cure", "siRNA")
        .agents("bepirovirsen", "xalnesiran", "vebicorvir")
        .soc("tenofovir alafenamide", "entecavir")
        .traits(VIRAL)
        .inc("Chronic HBV infection: HBsAg positive for {>=} 6 months")
        .inc(
            "On stable nucleos(t)ide analogue therapy with HBV DNA {<} 20 IU/mL",
            "HBV DNA {>=} 2,000 IU/mL and ALT {>} ULN")
        .exc(
            "Cirrhosis or evidence of hepatocellular carcinoma",
            "Co-infection with HCV, HDV or HIV");
  }

  private static void neurology() {
    c("alzheimer", Area.NEUROLOGY, 3)
        .labels(
            "Alzheimer Disease",
            "Early Alzheimer's Disease",
            "Mild Cognitive Impairment due" + " to Alzheimer's Disease",
            "Alzheimer's Disease")
        .mesh("D000544", "Alzheimer Disease")
        .ancestors(BRAIN_DISEASES, CNS, NERVOUS)
        .keywords("Alzheimer's disease", "amyloid", "tau", "cognition", "dementia")
        .agents(
            "lecanemab",
            "donanemab",
            "remternetug",
            "BEHAVIORAL:Multidomain lifestyle intervention")
        .soc("donepezil", "Placebo")
        .ages(OLDER)
        .inc(
            "Mild cognitive impairment or mild dementia due to Alzheimer's disease (NIA-AA"
                + " criteria)")
        .inc(
            "Mini-Mental State Examination (MMSE) score between 20 and 28 inclusive",
            "MMSE score of 22 to 30 and CDR global score of 0.5 or 1")
        .inc(
            "Amyloid positivity confirmed by PET or cerebrospinal fluid",
            "Has a reliable study partner who spends at least 10 hours per week with the"
                + " participant")
        .exc(
            "MRI evidence of more than 4 cerebral microhemorrhages or superficial siderosis",
            "Any other neurodegenerative disease that may cause cognitive impairment");
    c("parkinson", Area.NEUROLOGY, 2)
        .labels("Parkinson Disease", "Parkinson's Disease", "Early Parkinson's Disease")
        .mesh("D010300", "Parkinson Disease")
        .ancestors(BRAIN_DISEASES, CNS, NERVOUS)
        .keywords("Parkinson's disease", "alpha-synuclein", "LRRK2", "motor fluctuations")
        .agents(
            "prasinezumab",
            "tavapadon",
            "DEVICE:Adaptive deep brain stimulation system",
            "BEHAVIORAL:High-intensity exercise")
        .soc("levodopa/carbidopa", "Placebo")
        .ages(OLDER)
        .inc("Diagnosis of idiopathic Parkinson's disease per MDS clinical diagnostic criteria")
        .inc(
            "Modified Hoehn and Yahr stage {<=} 3 in the ON state",
            "At least 2.5 hours of OFF time per day on a stable levodopa regimen")
        .exc("Atypical or drug-induced parkinsonism", "Prior deep brain stimulation");
    c("ms", Area.NEUROLOGY, 2)
        .labels(
            "Multiple Sclerosis",
            "Relapsing Multiple Sclerosis",
            "Primary Progressive Multiple Sclerosis")
        .mesh("D009103", "Multiple Sclerosis")
        .ancestors(CNS, NERVOUS)
        .keywords("multiple sclerosis", "BTK inhibitor", "relapse", "disability progression")
        .agents("tolebrutinib", "fenebrutinib", "frexalimab")
        .soc("ocrelizumab", "teriflunomide", "ofatumumab")
        .inc(
            "Diagnosis of relapsing multiple sclerosis per 2017 McDonald criteria",
            "Primary progressive MS with evidence of disability progression in the prior 2 years")
        .inc(
            "Expanded Disability Status Scale (EDSS) score of 0 to 5.5 inclusive",
            "EDSS score between 3.0 and 6.5 at screening")
        .exc(
            "Relapse within 30 days before randomization",
            "Known history of progressive multifocal leukoencephalopathy");
    c("epilepsy", Area.NEUROLOGY, 2)
        .labels(
            "Epilepsy",
            "Focal Onset Seizures",
            "Drug-resistant Epilepsy",
            "Lennox-Gastaut Syndrome")
        .mesh("D004827", "Epilepsy")
        .ancestors(BRAIN_DISEASES, CNS, NERVOUS)
        .keywords("epilepsy", "seizures", "antiseizure medication", "drug-resistant")
        .agents("cenobamate", "azetukalner", "DEVICE:Responsive neurostimulation system")
        .soc("levetiracetam", "Placebo")
        .ages(ANY_INCLUDING_CHILDREN)
        .inc("Focal onset seizures despite treatment with at least 2 antiseizure medications")
        .inc(
            "At least 4 countable focal seizures per 28 days during the 8-week baseline",
            "Stable dose of 1 to 3 antiseizure medications for at least 4 weeks")
        .exc(
            "History of status epilepticus within 12 months",
            "Psychogenic non-epileptic seizures within 5 years");
    c("stroke", Area.NEUROLOGY, 2)
        .labels("Ischemic Stroke", "Acute Ischemic Stroke", "Stroke")
        .mesh("D020521", "Stroke")
        .ancestors(BRAIN_DISEASES, CNS, NERVOUS, VASCULAR, CARDIOVASCULAR)
        .keywords("stroke", "thrombolysis", "thrombectomy", "rehabilitation", "neuroprotection")
        .agents(
            "tenecteplase",
            "nerinetide",
            "DEVICE:Stent retriever thrombectomy",
            "BEHAVIORAL:Task-oriented upper limb rehabilitation")
        .soc("alteplase", "Standard medical management")
        .ages(OLDER)
        .inc(
            "Acute ischemic stroke with NIHSS score {>=} 6 at randomization",
            "Ischemic stroke 3 to 12 months before enrollment with residual upper limb weakness")
        .inc(
            "Treatment can start within 24 hours of last known well",
            "Pre-stroke modified Rankin Scale (mRS) score {<=} 1")
        .exc(
            "Intracranial hemorrhage on baseline CT or MRI",
            "Platelet count {<} 100,000/mm³ or INR {>} 1.7");
    c("als", Area.NEUROLOGY, 1)
        .labels("Amyotrophic Lateral Sclerosis", "ALS", "Motor Neuron Disease")
        .mesh("D000690", "Amyotrophic Lateral Sclerosis")
        .ancestors(NERVOUS)
        .keywords("ALS", "SOD1", "neurodegeneration", "ALSFRS-R")
        .agents("tofersen", "BIOLOGICAL:Antisense oligonucleotide")
        .soc("riluzole", "Placebo")
        .inc(
            "Sporadic or familial ALS per revised El Escorial criteria (possible, probable or"
                + " definite)")
        .inc(
            "Slow vital capacity {>=} 60% of predicted",
            "Symptom onset within 24 months before screening")
        .exc("Tracheostomy or permanent assisted ventilation");
    c("migraine", Area.NEUROLOGY, 1.5)
        .labels("Migraine", "Chronic Migraine", "Episodic Migraine")
        .keywords("migraine", "CGRP", "prevention", "headache days")
        .agents("atogepant", "rimegepant", "DEVICE:Remote electrical neuromodulation")
        .soc("erenumab", "Placebo")
        .inc("History of migraine with or without aura for {>=} 12 months per ICHD-3")
        .inc(
            "4 to 14 monthly migraine days during the 28-day baseline",
            "At least 15 headache days per month, of which at least 8 are migraine days")
        .exc("Medication overuse headache", "Onset of migraine after age 50");
  }

  private static void others() {
    c("depression", Area.PSYCHIATRY, 2)
        .labels("Major Depressive Disorder", "Depression", "Treatment-resistant Depression")
        .mesh("D003863", "Depression")
        .keywords("depression", "MDD", "rapid-acting antidepressant", "psychotherapy")
        .agents(
            "esketamine",
            "psilocybin",
            "zuranolone",
            "BEHAVIORAL:Cognitive behavioral" + " therapy",
            "DEVICE:Transcranial magnetic stimulation")
        .soc("escitalopram", "Placebo")
        .inc(
            "Diagnosis of major depressive disorder per DSM-5, current episode lasting {>=} 8"
                + " weeks",
            "Inadequate response to at least 2 antidepressants in the current episode")
        .inc("MADRS total score {>=} 26 at screening and baseline", "HAM-D17 total score {>=} 20")
        .exc("Lifetime history of bipolar disorder, schizophrenia or other psychotic disorder")
        .exc(
            "Significant risk of suicide per the Columbia-Suicide Severity Rating Scale"
                + " (C-SSRS)",
            "Substance use disorder within 12 months");
    c("schizophrenia", Area.PSYCHIATRY, 1)
        .labels("Schizophrenia", "Acute Exacerbation of Schizophrenia")
        .mesh("D012559", "Schizophrenia")
        .ancestors(mesh("D001523", "Mental Disorders"))
        .keywords("schizophrenia", "psychosis", "muscarinic", "PANSS")
        .agents("xanomeline and trospium chloride", "emraclidine")
        .soc("risperidone", "Placebo")
        .inc("Primary DSM-5 diagnosis of schizophrenia")
        .inc(
            "PANSS total score {>=} 80 at screening",
            "Clinical Global Impression-Severity" + " (CGI-S) score {>=} 4")
        .exc("Treatment-resistant schizophrenia (failure of clozapine)");
    c("asthma", Area.RESPIRATORY, 2)
        .labels("Asthma", "Severe Asthma", "Eosinophilic Asthma")
        .keywords("asthma", "biologic", "exacerbations", "eosinophils", "FEV1")
        .agents("tezepelumab", "depemokimab", "dupilumab")
        .soc("inhaled corticosteroid/LABA", "Placebo")
        .ages(ANY_INCLUDING_CHILDREN)
        .inc("Physician-diagnosed asthma for {>=} 12 months")
        .inc(
            "Pre-bronchodilator FEV1 {<} 80% of predicted",
            "At least 2 asthma exacerbations requiring systemic corticosteroids in the past 12"
                + " months")
        .inc("Blood eosinophil count {>=} 300 cells/µL at screening")
        .exc("Current smoker or former smoker with {>=} 10 pack-years");
    c("copd", Area.RESPIRATORY, 2)
        .labels("COPD", "Chronic Obstructive Pulmonary Disease", "Emphysema")
        .keywords("COPD", "exacerbations", "bronchodilator", "emphysema")
        .agents("ensifentrine", "dupilumab", "itepekimab", "DEVICE:Endobronchial valve")
        .soc("tiotropium", "budesonide/glycopyrronium/formoterol")
        .ages(OLDER)
        .inc("Post-bronchodilator FEV1/FVC ratio {<} 0.70")
        .inc("Current or former smoker with a smoking history of {>=} 10 pack-years")
        .exc("Current diagnosis of asthma", "Alpha-1 antitrypsin deficiency");
    c("cf", Area.RARE, 1)
        .labels("Cystic Fibrosis", "CF")
        .mesh("D003550", "Cystic Fibrosis")
        .ancestors(
            mesh("D010182", "Pancreatic Diseases"),
            mesh("D004066", "Digestive System Diseases"),
            LUNG_DISEASES,
            RESP_DISEASES,
            GENETIC,
            mesh("D007232", "Infant, Newborn, Diseases"))
        .keywords("cystic fibrosis", "CFTR modulator", "F508del", "sweat chloride")
        .agents("vanzacaftor/tezacaftor/deutivacaftor", "GENETIC:Inhaled CFTR mRNA")
        .soc("elexacaftor/tezacaftor/ivacaftor")
        .ages(ANY_INCLUDING_CHILDREN)
        .inc(
            "Confirmed diagnosis of cystic fibrosis with at least one F508del CFTR mutation",
            "Sweat chloride {>=} 60 mmol/L")
        .inc("Percent predicted FEV1 {>=} 40% and {<=} 90%")
        .exc("History of solid organ or hematological transplantation");
    c("sickle", Area.RARE, 1)
        .labels("Sickle Cell Disease", "Anemia, Sickle Cell", "Sickle Cell Anemia")
        .mesh("D000755", "Anemia, Sickle Cell")
        .ancestors(mesh("D006402", "Hematologic Diseases"), GENETIC)
        .keywords("sickle cell disease", "vaso-occlusive crisis", "gene therapy", "HbF")
        .agents("crizanlizumab", "etavopivat", "GENETIC:exagamglogene autotemcel")
        .soc("hydroxyurea", "Placebo")
        .ages(ANY_INCLUDING_CHILDREN)
        .inc(
            "Sickle cell disease (HbSS or HbSβ0-thalassemia) confirmed by hemoglobin"
                + " electrophoresis or genotyping")
        .inc(
            "At least 2 vaso-occlusive crises in the past 12 months",
            "Hemoglobin {>=} 5.5 g/dL and {<=} 10.5 g/dL at screening")
        .exc("Receiving chronic red blood cell transfusions");
    c("dmd", Area.RARE, 0.8)
        .labels("Duchenne Muscular Dystrophy", "DMD")
        .mesh("D020388", "Muscular Dystrophy, Duchenne")
        .ancestors(GENETIC)
        .keywords("Duchenne", "dystrophin", "exon skipping", "gene therapy", "ambulatory")
        .agents("GENETIC:delandistrogene moxeparvovec", "vamorolone", "givinostat")
        .soc("prednisone", "deflazacort")
        .sex("MALE")
        .ages(PEDIATRIC)
        .inc(
            "Genetically confirmed DMD mutation amenable to exon 51 skipping",
            "Clinical diagnosis of DMD with a documented dystrophin gene mutation")
        .inc(
            "Ambulatory, with time to rise from the floor {<} 7 seconds",
            "Stable dose of corticosteroids for at least 12 weeks")
        .exc("Pre-existing anti-AAV antibodies above the protocol threshold");
  }

  private static MeshTerm mesh(String id, String term) {
    return new MeshTerm(id, term);
  }

  /** Starts a profile with its share of all trials (relative weight). */
  private static Builder c(String key, Area area, double weight) {
    Builder b = new Builder(key, area, weight);
    BUILDERS.add(b);
    return b;
  }

  /** Fluent construction of a profile; keeps the table above readable. */
  private static final class Builder {
    private final String key;
    private final Area area;
    private final double weight;
    private List<String> labels = List.of();
    private final List<MeshTerm> meshes = new ArrayList<>();
    private final List<MeshTerm> ancestors = new ArrayList<>();
    private List<String> keywords = List.of();
    private final List<Agent> agents = new ArrayList<>();
    private final List<Agent> soc = new ArrayList<>();
    private String sex = "ALL";
    private AgeBand ages = ADULT;
    private List<Trait> traits = List.of();
    private final List<List<String>> inclusions = new ArrayList<>();
    private final List<List<String>> exclusions = new ArrayList<>();

    Builder(String key, Area area, double weight) {
      this.key = key;
      this.area = area;
      this.weight = weight;
    }

    Builder labels(String... v) {
      labels = List.of(v);
      return this;
    }

    Builder mesh(String id, String term) {
      meshes.add(new MeshTerm(id, term));
      return this;
    }

    Builder ancestors(MeshTerm... v) {
      ancestors.addAll(Arrays.asList(v));
      return this;
    }

    Builder keywords(String... v) {
      keywords = List.of(v);
      return this;
    }

    Builder agents(String... specs) {
      for (String s : specs) {
        agents.add(Agent.parse(s));
      }
      return this;
    }

    Builder soc(String... specs) {
      for (String s : specs) {
        soc.add(Agent.parse(s));
      }
      return this;
    }

    Builder sex(String v) {
      sex = v;
      return this;
    }

    Builder ages(AgeBand v) {
      ages = v;
      return this;
    }

    Builder traits(Trait... v) {
      traits = List.of(v);
      return this;
    }

    Builder inc(String... alternatives) {
      inclusions.add(List.of(alternatives));
      return this;
    }

    Builder exc(String... alternatives) {
      exclusions.add(List.of(alternatives));
      return this;
    }

    ConditionProfile build() {
      return new ConditionProfile(
          key,
          area,
          labels,
          List.copyOf(meshes),
          List.copyOf(ancestors),
          keywords,
          List.copyOf(agents),
          List.copyOf(soc),
          sex,
          ages,
          traits,
          List.copyOf(inclusions),
          List.copyOf(exclusions));
    }
  }
}

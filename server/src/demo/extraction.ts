// The demo's extraction for its twelve included studies (the study-characteristics table):
// short made-up summaries, one per field, so the exported Table 4 has something in every
// column. Saved through the same command the API uses, by the lead.
import type { StudyField } from "@concord/shared/review/reportTables";
import { citation, readExtractions, saveExtraction } from "../review/extraction";
import type { Store } from "../store/store";

type Fields = Omit<Record<StudyField, string>, "authors" | "title">;

const COUNTRIES = ["UK", "Australia", "USA", "Canada", "UK", "Ireland", "New Zealand", "UK", "USA", "Netherlands", "Australia", "UK"];
const SAMPLES = [
  "14 peer workers",
  "9 peer specialists",
  "11 peer workers and 6 ward nurses",
  "8 peer support workers",
  "16 peer staff",
  "12 peer providers",
  "10 peer workers in crisis teams",
  "7 peer workers and 4 supervisors",
  "13 consumer providers",
  "9 board members with lived experience",
  "15 peer support workers",
  "6 peer workers",
];
const SETTINGS = [
  "Community mental health teams",
  "Statutory and voluntary services",
  "Acute inpatient wards",
  "Early intervention in psychosis",
  "Mixed NHS services",
  "Community services",
  "Crisis and home treatment",
  "Community and inpatient services",
  "Assertive outreach teams",
  "Service design boards",
  "Recovery colleges",
  "Medium-secure forensic units",
];
const COLLECTION = ["Semi-structured interviews", "Focus groups", "Interviews and observation", "Semi-structured interviews", "Online interviews", "Focus groups"];
const ANALYSIS = ["Thematic analysis", "Interpretative phenomenological analysis", "Grounded theory", "Framework analysis", "Thematic analysis", "Constant comparison"];
const CONCEPTS = [
  "Using lived experience; boundaries",
  "Role ambiguity; job description",
  "Belonging; team acceptance",
  "Recovery at work; hope",
  "Disclosure; identity",
  "Personal gains; confidence",
  "Crisis work; emotional load",
  "Supervision; support needs",
  "Team culture; power",
  "Influence; tokenism",
  "Making a difference; purpose",
  "Role clarity; security rules",
];

function demoFields(paper: number): Fields {
  return {
    aims: `To explore how peer workers experience their role in ${SETTINGS[paper]!.toLowerCase()}.`,
    sample: SAMPLES[paper]!,
    setting: SETTINGS[paper]!,
    dataCollection: COLLECTION[paper % COLLECTION.length]!,
    analysis: ANALYSIS[paper % ANALYSIS.length]!,
    keyConcepts: CONCEPTS[paper]!,
  };
}

/** Fills in every included study, numbered as the tables number them. */
export async function seedDemoExtraction(store: Store, projectId: string, leadId: string): Promise<void> {
  for (const [paper, { study }] of (await readExtractions(store.db, projectId)).entries()) {
    await saveExtraction(store, projectId, study.id, { authors: `${citation(study)}, ${COUNTRIES[paper % COUNTRIES.length]}`, ...demoFields(paper) }, leadId);
  }
}

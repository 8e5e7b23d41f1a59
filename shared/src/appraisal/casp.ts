// The CASP qualitative studies checklist, built in, with the scoring a meta-ethnography
// commonly uses (DOMAIN.md workflow 1, step 6): Yes 1, Can't tell 0.5, No 0 over questions
// 1–9; question 10 is not scored, its three prompts are recorded Yes/No; grade A from 8.5,
// B from 5, C below. The questions are CASP's; the hints are our short paraphrase of what
// CASP asks the appraiser to consider.
import { ChecklistSchema, type Checklist } from "./checklist";

const YES_CANT_TELL_NO = [
  { key: "yes", label: "Yes" },
  { key: "cant_tell", label: "Can't tell" },
  { key: "no", label: "No" },
];
const YES_NO = [
  { key: "yes", label: "Yes" },
  { key: "no", label: "No" },
];

function question(key: string, label: string, hints: string[], screening = false) {
  return { key, label, hints, answers: YES_CANT_TELL_NO, screening };
}

export const CASP_QUALITATIVE: Checklist = ChecklistSchema.parse({
  key: "casp-qualitative",
  version: 1,
  name: "CASP qualitative studies checklist",
  source: "Critical Appraisal Skills Programme (CASP), Qualitative Studies Checklist; hints paraphrased.",
  questions: [
    question("q1", "Was there a clear statement of the aims of the research?", [
      "What the research set out to find, and why that matters.",
    ], true),
    question("q2", "Is a qualitative methodology appropriate?", [
      "Whether the study seeks to interpret people's actions or experiences, and whether qualitative research is the right way to do that.",
    ], true),
    question("q3", "Was the research design appropriate to address the aims of the research?", [
      "Whether the researchers justified the design they chose, and discussed how they decided on the method.",
    ]),
    question("q4", "Was the recruitment strategy appropriate to the aims of the research?", [
      "How participants were chosen, and why they were the ones suited to the study.",
      "Whether there was any discussion of people who chose not to take part.",
    ]),
    question("q5", "Was the data collected in a way that addressed the research issue?", [
      "Where and how data were collected, and whether the method was justified and made explicit (interview guide, recording, saturation).",
      "Whether changes to the methods during the study were explained.",
    ]),
    question("q6", "Has the relationship between researcher and participants been adequately considered?", [
      "Whether the researchers examined their own role, potential bias and influence, in formulating questions, collecting data and choosing the sample.",
      "How they responded to events during the study and whether they considered the implications of changes to the design.",
    ]),
    question("q7", "Have ethical issues been taken into consideration?", [
      "Whether the study was explained to participants, consent and confidentiality were handled, and ethical approval was sought.",
      "How the effects of the study on participants were considered during and after it.",
    ]),
    question("q8", "Was the data analysis sufficiently rigorous?", [
      "Whether the analysis is described in depth, how categories or themes came from the data, and how data were selected to show it.",
      "Whether contradictory data were taken into account and the researchers examined their own role in the analysis.",
    ]),
    question("q9", "Is there a clear statement of findings?", [
      "Whether the findings are explicit and discussed against the evidence for and against the researchers' arguments.",
      "Whether credibility was addressed (triangulation, respondent validation, more than one analyst) and the findings relate to the question.",
    ]),
    {
      key: "q10",
      label: "How valuable is the research?",
      hints: ["Recorded through its three prompts; not scored."],
      answers: [],
      prompts: [
        { key: "a", label: "10A. Does it discuss its contribution to existing knowledge, practice or policy?", answers: YES_NO },
        { key: "b", label: "10B. Does it identify new areas where research is needed?", answers: YES_NO },
        { key: "c", label: "10C. Does it discuss whether and how the findings transfer to other populations or uses?", answers: YES_NO },
      ],
    },
  ],
  scoring: {
    points: { yes: 1, cant_tell: 0.5, no: 0 },
    counted: ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"],
    grades: [
      { grade: "A", min: 8.5, description: "Low likelihood of methodological flaws" },
      { grade: "B", min: 5, description: "Moderate likelihood of methodological flaws" },
      { grade: "C", min: 0, description: "High likelihood of methodological flaws" },
    ],
  },
});

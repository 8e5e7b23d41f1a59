// Two short fictional interviews for the demo project. Written for Concord: the people,
// services and words are invented. Participants carry pseudonyms and banded ages; turns are
// labelled with readable names ("Interviewer", the pseudonym), as a researcher would store them.

export const DEMO_TRANSCRIPTS = [
  {
    title: "Interview 01 — Maya (peer support worker, age 31–40)",
    text: `Interviewer: Thanks for making time today. Could you start by telling me how you came into your current role?
Maya: I'd been using the community team for a few years, on and off. A support worker there mentioned the peer role and I laughed, honestly. I thought, who would want me on the other side of the desk?
Interviewer: What changed your mind?
Maya: Mostly a conversation with the team manager. She didn't talk about my diagnosis at all. She asked what I'd noticed about how the service felt from the waiting room, and she wrote it down. That was the first time I felt like what I knew counted for something.
Interviewer: You said "counted for something". Can you say more about that?
Maya: There's a kind of knowledge you only get by sitting in those chairs. Knowing which letters make your stomach drop. Knowing that a cancelled appointment can undo a month of work. Staff know the system; I know what the system feels like.
Interviewer: How ready did you feel when you started?
Maya: Not ready at all. I kept comparing myself to the nurses and the psychologists. They had training, titles, all of that. I had my story and that felt thin.
Maya: The first team meeting I didn't say a word. I sat by the door in case I needed to leave.
Interviewer: What helped, if anything?
Maya: Supervision, properly. My supervisor had lived experience herself and she'd say, your job isn't to be a junior clinician, it's to be you, on purpose. And the team slowly started asking me things before decisions rather than after.
Interviewer: Were there moments that pulled the other way?
Maya: Oh, plenty. Someone once introduced me to a visitor as "one of our former patients". Not my name, not my job. I went home and cried. It's small, but it tells you where you stand.
Interviewer: How did you respond at the time?
Maya: I didn't, that day. The next week I raised it in the team meeting, shaking. To be fair they listened, and the manager changed how new staff are introduced. That felt like making a difference.
Interviewer: If a service wanted to get ready for co-production, what would you tell them?
Maya: Pay people properly, give them a clear role, and don't treat lived experience as a sticker you put on a leaflet. Ask early, and mean it.`,
  },
  {
    title: "Interview 02 — Daniel (occupational therapist, age 41–50)",
    text: `Interviewer: To begin, what does co-production mean in your team, day to day?
Daniel: Honestly it depends who you ask. On paper it's in every strategy document. In practice it's often a consultation at the end, when the decisions are already made.
Interviewer: Can you think of a time it went differently?
Daniel: We redesigned our discharge letters with three people who'd been through the service. They rewrote half of it. The bit that stuck with me was they cut all the jargon about "disengagement" and wrote "we haven't been able to reach you, and we'd like to".
Daniel: It was humbling. I'd been writing those letters for twelve years.
Interviewer: What made that piece of work possible?
Daniel: Time, mainly, and a manager who protected it. We had a budget line for paying people. Without that it would have been goodwill again, and goodwill runs out.
Interviewer: And what gets in the way?
Daniel: Fear of getting it wrong. Some colleagues worry about boundaries, about what happens if a peer colleague becomes unwell. Those are real questions, but sometimes they're used to keep the door shut.
Interviewer: How do you personally handle that tension?
Daniel: I try to name it. In supervision I'll say, I'm anxious about this, and that's mine to manage, not a reason to exclude someone. I'm not always good at it.
Interviewer: Is there anything you'd like to add?
Daniel: Only that readiness isn't a box you tick before you start. You get ready by doing it, badly at first, with people who'll tell you when you're getting it wrong.`,
  },
];

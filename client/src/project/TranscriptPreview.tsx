// The transcript as it will be stored, shown before it is created: the speakers found, each
// with a field to rename it (two given one name become one speaker), the lines that have no
// speaker label, and every turn. Names are applied here with the same function the server
// uses when it stores the transcript.
import { speakerName, type SpeakerNames } from "@concord/shared/transcript/preview";
import type { Ref } from "react";
import type { TranscriptPreview as Preview } from "../api/types";
import { TextField } from "../components/Field";

const SHOWN_UNLABELLED = 10;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

type Props = {
  preview: Preview;
  names: SpeakerNames;
  onRename: (label: string, name: string) => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function TranscriptPreview({ preview, names, onRename, headingRef }: Props) {
  const turns = preview.turns.filter((turn) => turn.label !== null);
  const stored = preview.speakers.map((s) => ({ ...s, name: speakerName(s.label, names) }));
  const distinct = new Set(stored.map((s) => s.name));
  const unlabelled = preview.unlabelledLines;

  return (
    <section className="import-preview stack" aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading" ref={headingRef} tabIndex={-1}>
        Check the transcript before creating it
      </h3>
      <p>
        {count(turns.length, "turn")} from {count(distinct.size, "speaker")}.{" "}
        {preview.characters.toLocaleString("en")} of {preview.limit.toLocaleString("en")} characters allowed.
      </p>
      {turns.length === 0 ? (
        <p className="note">
          No speaker labels were found, so the text will be stored without speaker turns. Start each turn on a new line
          with a label such as “Interviewer:” to mark who is speaking.
        </p>
      ) : null}
      {preview.timestamps > 0 ? (
        <p className="note">
          {count(preview.timestamps, "turn has a timestamp", "turns have timestamps")} by the speaker label. Timestamps
          are left out of the stored transcript.
        </p>
      ) : null}

      {stored.length > 0 ? (
        <fieldset className="import-preview__speakers stack">
          <legend>Speakers</legend>
          <p className="field__hint">
            Rename a speaker here, for example “I” to “Interviewer”. Give two speakers the same name to make them one
            speaker. Use pseudonyms, never real names.
          </p>
          {stored.map((speaker) => {
            const mergedWith = stored.filter((other) => other.label !== speaker.label && other.name === speaker.name);
            return (
              <TextField
                key={speaker.label}
                label={`Speaker “${speaker.label}”`}
                value={names[speaker.label] ?? speaker.label}
                placeholder={speaker.label}
                maxLength={100}
                onChange={(e) => onRename(speaker.label, e.target.value)}
                hint={
                  count(speaker.turns, "turn") +
                  (mergedWith.length ? `. Same speaker as ${mergedWith.map((o) => `“${o.label}”`).join(", ")}.` : "")
                }
              />
            );
          })}
        </fieldset>
      ) : null}

      {unlabelled.length > 0 ? (
        <div className="note note--warn">
          <p>
            <strong>{count(unlabelled.length, "line has", "lines have")} no speaker label.</strong>{" "}
            {unlabelled.length === 1 ? "It is" : "Each is"} kept as a further paragraph of the turn before it{unlabelled.some((l) => l.speaker === null) ? ", or outside any turn when it comes before the first label" : ""}.
            If a line was said by someone else, add a label to it and check again.
          </p>
          <ul className="import-preview__lines">
            {unlabelled.slice(0, SHOWN_UNLABELLED).map((line) => (
              <li key={line.line}>
                Line {line.line}
                {line.speaker === null ? ", outside any turn" : `, kept with ${speakerName(line.speaker, names)}`}: “{line.text}”
              </li>
            ))}
          </ul>
          {unlabelled.length > SHOWN_UNLABELLED ? (
            <p>And {count(unlabelled.length - SHOWN_UNLABELLED, "more line")}, marked “No label” below.</p>
          ) : null}
        </div>
      ) : null}

      <h4 id="import-preview-turns">The transcript as it will be stored</h4>
      {/* Focusable so that people using a keyboard can scroll a long transcript. */}
      <div className="import-preview__scroll" role="region" aria-labelledby="import-preview-turns" tabIndex={0}>
        <ol className="import-preview__turns">
          {preview.turns.map((turn) => (
            <li key={turn.line} className="speaker-turn import-preview__turn" data-speaker={turn.label === null ? undefined : speakerName(turn.label, names)}>
              <span className="speaker-turn__label">
                {turn.label === null ? "No speaker" : speakerName(turn.label, names)}
                <span className="import-preview__line">line {turn.line}</span>
              </span>
              <div>
                {turn.paragraphs.map((paragraph) => (
                  <p key={paragraph.line} className={paragraph.unlabelled ? "import-preview__unlabelled" : undefined}>
                    {paragraph.unlabelled ? <span className="badge badge--warn">No label</span> : null} {paragraph.text}
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

// The heading of a rater's own screen at a stage, with how far they have got.
export function StageHeading({ id, title, done, of, what }: { id: string; title: string; done: number; of: number; what: string }) {
  return (
    <div className="screening__head">
      <h2 id={id}>{title}</h2>
      <p className="screening__progress">
        {done} of {of} {what}
      </p>
    </div>
  );
}

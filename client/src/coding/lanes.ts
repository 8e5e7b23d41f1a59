// Where each coding's stripe goes in the margin beside the text. Codings overlap freely, so
// stripes that share any line of text need separate lanes; a lane is reused as soon as the
// stripe in it has ended, which keeps the margin as narrow as the deepest overlap. Greedy
// assignment in order of start is optimal for intervals (lanes = the largest number of
// codings over any one point) and takes O(n log n + n·d) for an overlap d deep, so 2,000
// codings lay out in well under a frame.

export interface Interval {
  id: string;
  start: number;
  end: number;
}

export interface LaneLayout {
  /** The lane of each coding, 0 nearest the text. */
  lanes: Map<string, number>;
  /** How many lanes the deepest overlap needs. */
  count: number;
}

/** Lanes for intervals `[start, end)`; an empty interval (an orphaned coding) takes none. */
export function assignLanes(intervals: readonly Interval[]): LaneLayout {
  const sorted = intervals
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lanes = new Map<string, number>();
  let count = 0;
  // The stripes still running at the current start, and the lanes free again (smallest first).
  const active: { end: number; lane: number }[] = [];
  const free: number[] = [];
  for (const interval of sorted) {
    // Release every lane whose stripe ended at or before this start.
    for (let k = active.length - 1; k >= 0; k--) {
      if (active[k]!.end <= interval.start) {
        insertSorted(free, active[k]!.lane);
        active.splice(k, 1);
      }
    }
    const lane = free.length > 0 ? free.shift()! : count++;
    active.push({ end: interval.end, lane });
    lanes.set(interval.id, lane);
  }
  return { lanes, count };
}

function insertSorted(values: number[], value: number): void {
  let i = values.length;
  while (i > 0 && values[i - 1]! > value) i--;
  values.splice(i, 0, value);
}

// On a phone the margin is too narrow for a lane per overlap: the stripes collapse to one
// bar per line of text, with the number of codings that start on it. This groups measured
// stripes by the line their words start on.

export interface MeasuredStripe {
  id: string;
  top: number;
  height: number;
}

export interface LineGroup {
  top: number;
  height: number;
  ids: string[];
}

/** Stripes whose tops are within `tolerance` pixels share a line; groups in order down the page. */
export function groupByLine(stripes: readonly MeasuredStripe[], tolerance = 4): LineGroup[] {
  const sorted = [...stripes].sort((a, b) => a.top - b.top);
  const groups: LineGroup[] = [];
  for (const stripe of sorted) {
    const last = groups.at(-1);
    if (last && stripe.top - last.top <= tolerance) {
      last.ids.push(stripe.id);
      last.height = Math.min(last.height, stripe.height);
    } else groups.push({ top: stripe.top, height: stripe.height, ids: [stripe.id] });
  }
  return groups;
}

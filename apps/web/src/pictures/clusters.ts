import type { PlacedPlace } from "./map-frame.ts";

export interface Cluster {
  /** The biggest place's ID: stable while zooming. */
  key: string;
  x: number;
  y: number;
  count: number;
  places: PlacedPlace[];
}

/**
 * Places closer than `radius` screen units at this zoom, gathered into one marker at their weighted
 * centre; the busiest place of a group anchors it. Greedy and stable: the same zoom gives the same groups.
 */
export function clusterPlaces(places: PlacedPlace[], scale: number, radius = 18): Cluster[] {
  const clusters: (Cluster & { ax: number; ay: number })[] = [];
  const reach = radius / scale;
  for (const p of [...places].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))) {
    const near = clusters.find((c) => Math.hypot(c.ax - p.x, c.ay - p.y) < reach);
    if (near) {
      near.places.push(p);
      near.x = (near.x * near.count + p.x * p.count) / (near.count + p.count);
      near.y = (near.y * near.count + p.y * p.count) / (near.count + p.count);
      near.count += p.count;
    } else {
      clusters.push({ key: p.id, x: p.x, y: p.y, ax: p.x, ay: p.y, count: p.count, places: [p] });
    }
  }
  return clusters.map(({ ax: _ax, ay: _ay, ...c }) => c);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The markers to name, busiest first, leaving out any whose name would overlap a name already placed or another marker. */
export function labelled(
  markers: { key: string; label: string; x: number; y: number; r: number; count: number }[],
  charWidth = 6.4,
): Set<string> {
  const taken: Box[] = markers.map((m) => ({ x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r }));
  const names = new Set<string>();
  for (const m of [...markers].sort((a, b) => b.count - a.count)) {
    const box = { x: m.x + m.r + 3, y: m.y - 7, width: m.label.length * charWidth, height: 14 };
    const others = taken.filter((t) => !(t.x === m.x - m.r && t.y === m.y - m.r));
    if (others.some((t) => overlap(box, t))) continue;
    taken.push(box);
    names.add(m.key);
  }
  return names;
}

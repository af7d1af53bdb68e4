/** The map's frame, in its own units (the server draws into it; the browser zooms within it). */
export const MAP = { width: 420, height: 300 };

/** Zoom and pan: a map point p is drawn at p × scale + (x, y). */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const HOME: View = { scale: 1, x: 0, y: 0 };
const MAX_SCALE = 16;

/** Keeps the fitted area covering the frame: no zooming out past it, no panning off it. */
export function clampView(v: View): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, v.scale));
  return {
    scale,
    x: Math.min(0, Math.max(MAP.width - MAP.width * scale, v.x)),
    y: Math.min(0, Math.max(MAP.height - MAP.height * scale, v.y)),
  };
}

/** Zooms by `factor` keeping the point (cx, cy) of the frame where it is. */
export function zoomAt(v: View, factor: number, cx = MAP.width / 2, cy = MAP.height / 2): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, v.scale * factor));
  const k = scale / v.scale;
  return clampView({ scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k });
}

/** The view that shows these map points, with a margin, as close as the zoom allows. */
export function viewOf(points: { x: number; y: number }[]): View {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  const scale = Math.min(MAX_SCALE, (MAP.width * 0.6) / Math.max(w, 1), (MAP.height * 0.6) / Math.max(h, 1));
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return clampView({ scale, x: MAP.width / 2 - cx * scale, y: MAP.height / 2 - cy * scale });
}

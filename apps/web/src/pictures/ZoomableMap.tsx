"use client";

import { defined } from "@parley/schema/defined";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useSearchSubmit } from "../search/SearchForm.tsx";
import { clusterPlaces, labelled } from "./clusters.ts";
import { MapMarker } from "./MapMarker.tsx";
import type { PlacedPlace } from "./map-frame.ts";
import { clampView, HOME, MAP, type View, viewOf, zoomAt } from "./map-view.ts";

const PAN = 60;

/**
 * The map of the results' places: zoom with the buttons, the wheel or + and −, pan by dragging or
 * with the arrow keys; near places gather into one marker until zoomed in. A place filters the
 * search by it; a group zooms in to its places.
 */
export function ZoomableMap({ land, places, selected }: { land: string[]; places: PlacedPlace[]; selected: string[] }) {
  const submit = useSearchSubmit();
  const [view, setView] = useState<View>(HOME);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const clusters = useMemo(() => clusterPlaces(places, view.scale, 34), [places, view.scale]);
  const max = Math.max(1, ...places.map((p) => p.count));
  const markers = clusters.map((c) => ({
    ...c,
    sx: c.x * view.scale + view.x,
    sy: c.y * view.scale + view.y,
    r: 5 + 8 * Math.sqrt(c.count / max),
  }));
  const named = labelled(
    markers.map((m) => ({
      key: m.key,
      label: m.places.length > 1 ? `${defined(m.places[0]).name} +${m.places.length - 1}` : defined(m.places[0]).name,
      x: m.sx,
      y: m.sy,
      r: m.r,
      count: m.count,
    })),
  );

  // Page-scrolling is the wheel's default; over the map it zooms, which needs a listener that may prevent it.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      setView((v) =>
        zoomAt(
          v,
          e.deltaY < 0 ? 1.25 : 0.8,
          ((e.clientX - box.left) / box.width) * MAP.width,
          ((e.clientY - box.top) / box.height) * MAP.height,
        ),
      );
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.target !== e.currentTarget) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN, 0],
      ArrowRight: [-PAN, 0],
      ArrowUp: [0, PAN],
      ArrowDown: [0, -PAN],
    };
    const move = moves[e.key];
    if (move) setView((v) => clampView({ ...v, x: v.x + move[0], y: v.y + move[1] }));
    else if (e.key === "+" || e.key === "=") setView((v) => zoomAt(v, 1.5));
    else if (e.key === "-") setView((v) => zoomAt(v, 1 / 1.5));
    else if (e.key === "0") setView(HOME);
    else return;
    e.preventDefault();
  };
  const unit = (e: { clientX: number; clientY: number }) => {
    const box = defined(svg.current).getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) / box.width) * MAP.width,
      y: ((e.clientY - box.top) / box.height) * MAP.height,
    };
  };

  return (
    <div className="zoomable-map">
      <div className="map-controls">
        <button type="button" onClick={() => setView((v) => zoomAt(v, 1.5))} aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          onClick={() => setView((v) => zoomAt(v, 1 / 1.5))}
          aria-label="Zoom out"
          disabled={view.scale <= 1}
        >
          −
        </button>
        <button type="button" onClick={() => setView(HOME)} disabled={view === HOME}>
          Reset view
        </button>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>. */}
      <svg
        ref={svg}
        viewBox={`0 0 ${MAP.width} ${MAP.height}`}
        className="places-map"
        role="group"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes arrow keys, + and − itself (its places inside are buttons), so Tab must reach it.
        tabIndex={0}
        aria-label="Map of the results' places. Arrow keys pan, plus and minus zoom, 0 resets; Tab reaches each place."
        aria-describedby="map-caption"
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          if ((e.target as Element).closest(".map-place")) return;
          drag.current = { ...unit(e), view, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const p = unit(e);
          if (Math.hypot(p.x - d.x, p.y - d.y) > 3) d.moved = true;
          if (d.moved) setView(clampView({ ...d.view, x: d.view.x + p.x - d.x, y: d.view.y + p.y - d.y }));
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <rect width={MAP.width} height={MAP.height} className="map-sea" />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
          {land.map((d) => (
            // Each country's outline: no two are the same path.
            <path key={d} d={d} className="map-land" />
          ))}
        </g>
        {markers.map((m) => (
          <MapMarker
            key={m.key}
            marker={m}
            named={named.has(m.key)}
            selected={m.places.some((p) => selected.includes(p.id))}
            onChoose={() =>
              m.places.length === 1 ? submit([["place", defined(m.places[0]).id]]) : setView(viewOf(m.places))
            }
          />
        ))}
      </svg>
    </div>
  );
}

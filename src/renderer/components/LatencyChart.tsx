// One latency series as a live uPlot chart: points over wall time, the timeout as a dashed line, timeouts as
// red markers. uPlot draws on canvas (fast for thousands of points, no inline <style>, CSP-friendly).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LatencyPoint } from '../store/latency';

interface Props {
  points: LatencyPoint[];
  /** Timeout (ms) drawn as a line, when the series has one. */
  limitMs?: number;
  color: string;
  label: string;
}

const HEIGHT = 150;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function toData(points: LatencyPoint[], limitMs?: number): uPlot.AlignedData {
  const xs = points.map((p) => p.at / 1000);
  return [
    xs,
    points.map((p) => p.ms),
    points.map((p) => (p.timeout ? p.ms : null)),
    xs.map(() => limitMs ?? null),
  ];
}

export function LatencyChart({ points, limitMs, color, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const axis = { stroke: cssVar('--text-dim', '#a9b2c1'), grid: { stroke: cssVar('--border', '#313846'), width: 1 }, ticks: { stroke: cssVar('--border', '#313846') } };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max * 1.1, (limitMs ?? 0) * 1.1, 10)] } },
      axes: [
        { ...axis, space: 90, values: (_u, vals) => vals.map((v) => new Date(v * 1000).toLocaleTimeString([], { hour12: false })) },
        { ...axis, size: 72, values: (_u, vals) => vals.map((v) => `${v} ms`) },
      ],
      series: [
        {},
        { label, stroke: color, width: 1.5, points: { show: true, size: 4, fill: color } },
        { label: 'timeout', stroke: 'transparent', points: { show: true, size: 9, fill: cssVar('--bad', '#f87171'), stroke: cssVar('--bad', '#f87171') } },
        { label: 'limit', stroke: cssVar('--bad', '#f87171'), width: 1, dash: [6, 4], points: { show: false } },
      ],
    };
    plot.current = new uPlot(opts, toData([], limitMs), el);
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [color, label, limitMs]);

  useEffect(() => {
    plot.current?.setData(toData(points, limitMs));
  }, [points, limitMs]);

  return <div className="latency-chart" ref={host} role="img" aria-label={`${label} over time`} />;
}

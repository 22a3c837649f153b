// Chart.js charts as Preact components: the chart is made once per canvas and updated in place.
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  RadarController,
  RadialLinearScale,
  ScatterController,
  LineController,
  LinearScale,
  PointElement,
  LineElement,
  Filler,
  Tooltip,
  Legend,
);

export const COLOURS = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#a16207'];

/** A chart of `config`; `label` describes it for screen readers (the data is also in a table). */
export function ChartCanvas({ config, label, height = 320 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
    // The chart on its canvas, for the browser tests to find a point's position.
    (canvas.current as any).chart = chart.current;
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

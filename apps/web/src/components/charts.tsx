// Charts drawn as SVG at the size of their box (so text stays readable on a phone), each inside a
// <figure> whose caption says what it shows. The SVG is one image with a short label; the numbers
// are in the table that every chart comes with (the accessible alternative, visible to everyone).
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** The width of an element, followed as it resizes. */
function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Cuts a label to about the width available (the table has it in full). */
export function clip(text: string, maxChars: number): string {
  return [...text].length <= maxChars ? text : `${[...text].slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}

export interface BarDatum {
  key: string;
  label: string;
  /** Before the label, e.g. the rank. */
  prefix?: string;
  value: number | null;
}

interface BarChartProps {
  data: BarDatum[];
  /** The value axis: [min, max]; includes 0 when values can be negative. */
  domain: [number, number];
  formatValue: (value: number) => string;
  /** Said for a bar without a value ("no scores"). */
  emptyLabel: string;
  /** One sentence for assistive technology: what the image shows and where its numbers are. */
  label: string;
  caption: ReactNode;
  /** Highlighted bars (e.g. the practices already distinguished). */
  highlight?: ReadonlySet<string>;
}

/** Horizontal bars, one per row, the label above its bar: readable at 360 px. */
export function BarChart({ data, domain, formatValue, emptyLabel, label, caption, highlight }: BarChartProps) {
  const [box, width] = useWidth<HTMLDivElement>(640);
  const rowHeight = 46;
  const top = 8;
  const valueSpace = 64;
  const left = 4;
  const plot = Math.max(80, width - left - valueSpace);
  const [min, max] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  const x = (value: number) => left + ((value - min) / (max - min)) * plot;
  const zero = x(Math.min(Math.max(0, min), max));
  const height = top + data.length * rowHeight + 8;
  const maxChars = Math.floor(width / 7.6);
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      <div ref={box} className="chart__box">
        <svg className="chart__svg" width={width} height={height} role="img" aria-label={label}>
          <line className="chart__axis" x1={zero} x2={zero} y1={top - 4} y2={height - 4} />
          {data.map((datum, index) => {
            const y = top + index * rowHeight;
            const barY = y + 22;
            const value = datum.value;
            const end = value === null ? zero : x(value);
            return (
              <g key={datum.key} className={highlight?.has(datum.key) ? 'chart__row chart__row--highlight' : 'chart__row'}>
                <text className="chart__label" x={left} y={y + 14}>
                  {clip(`${datum.prefix ?? ''}${datum.label}`, maxChars)}
                </text>
                {value !== null && <rect className="chart__bar" x={Math.min(zero, end)} y={barY} width={Math.max(2, Math.abs(end - zero))} height={16} rx={2} />}
                <text className="chart__value" x={value === null ? zero + 6 : Math.max(zero, end) + 6} y={barY + 13}>
                  {value === null ? emptyLabel : formatValue(value)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

export interface Distribution {
  key: string;
  label: string;
  /** Count of each value 1..scaleMax (index 0 is value 1). */
  counts: number[];
}

interface DistributionChartProps {
  data: Distribution[];
  scaleMax: number;
  label: (distribution: Distribution) => string;
  caption: ReactNode;
  axisLabel: string;
}

/** One small bar chart per juror: how often each score (1..scaleMax) was given. Same scale for all. */
export function DistributionChart({ data, scaleMax, label, caption, axisLabel }: DistributionChartProps) {
  const highest = Math.max(1, ...data.flatMap((d) => d.counts));
  const width = 200;
  const height = 120;
  const bottom = 22;
  const barSpace = (width - 8) / scaleMax;
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      <ul className="small-multiples">
        {data.map((distribution) => (
          <li key={distribution.key} className="small-multiples__item">
            <p className="small-multiples__title">{distribution.label}</p>
            <svg className="chart__svg" width={width} height={height} role="img" aria-label={label(distribution)}>
              <line className="chart__axis" x1={4} x2={width - 4} y1={height - bottom} y2={height - bottom} />
              {distribution.counts.map((count, index) => {
                const barHeight = ((height - bottom - 16) * count) / highest;
                const bx = 4 + index * barSpace + 4;
                return (
                  <g key={index}>
                    {count > 0 && <rect className="chart__bar" x={bx} y={height - bottom - barHeight} width={barSpace - 8} height={barHeight} rx={2} />}
                    <text className="chart__value chart__value--small" x={bx + (barSpace - 8) / 2} y={height - bottom - barHeight - 4} textAnchor="middle">
                      {count}
                    </text>
                    <text className="chart__tick" x={bx + (barSpace - 8) / 2} y={height - 6} textAnchor="middle">
                      {index + 1}
                    </text>
                  </g>
                );
              })}
            </svg>
          </li>
        ))}
      </ul>
      <p className="meta">{axisLabel}</p>
    </figure>
  );
}

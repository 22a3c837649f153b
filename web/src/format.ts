// How the page writes the API's numbers: formatting only, never arithmetic on them.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A money or plain figure: whole numbers from 100 up, else up to two decimals; minus as "−". */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const text = Math.abs(x) >= 100 ? whole.format(x) : two.format(x);
  return text.replace(/^-/, '−');
}

/** A utility in 0..1 (or a share): two decimals. */
export function util(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return x.toFixed(2).replace(/^-/, '−');
}

/** A share as a percentage. */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return `${Math.round(x * 100)}%`;
}

/** An outcome {issue: value} as "price 120,000, term 3y". */
export function outcome(o: Record<string, any> | null | undefined): string {
  if (!o) return '—';
  return Object.entries(o)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? num(v) : v}`)
    .join(', ');
}

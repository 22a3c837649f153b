// The rehearsal view: POST /api/run/rehearse. Our plan played against many counterparts; every
// figure is a field of the answer (the JSON of `parley rehearse --format json`), written by the
// command line's rules and in its words.
import type { ChartConfiguration } from 'chart.js';
import { BarController, BarElement, CategoryScale, Chart } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { problems, run } from './api';
import { ChartCanvas, COLOURS } from './charts';
import { num, pct, value } from './format';

Chart.register(BarController, BarElement, CategoryScale);

const STRATEGIES = ['boulware', 'linear', 'conceder', 'hardheaded', 'micro', 'relative_tft'];

/** "Acme Corp's BATNA", "Harbor Logistics' BATNA" (text::Possessive). */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "a, b and c", as the command line lists names. */
export function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function drawnText(d: string, names: Record<string, string>): string {
  return d.replace(/^BATNA of (.+)$/, (_, id: string) => `${possessive(names[id] ?? id)} BATNA`);
}

export function RehearseView({ caseText, names, title }: { caseText: string; names: Record<string, string>; title: string }) {
  const [samples, setSamples] = useState('1000');
  const [seed, setSeed] = useState('1');
  const [rounds, setRounds] = useState('100');
  const [them, setThem] = useState<string[]>(STRATEGIES);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ text: string; body: any } | null>(null);
  const [error, setError] = useState<string[]>([]);

  const rehearse = async () => {
    setBusy(true);
    setError([]);
    const options: Record<string, string> = { samples: samples.trim(), seed: seed.trim(), rounds: rounds.trim() };
    if (them.length !== STRATEGIES.length) options.them = them.join(',');
    const a = await run('rehearse', caseText, options);
    setBusy(false);
    if (a.ok) setAnswer({ text: caseText, body: a.body });
    else {
      setAnswer(null);
      setError(problems(a));
    }
  };

  return (
    <div class="view rehearse">
      <form
        class="rehearse-form"
        aria-labelledby="h-rehearse"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) rehearse();
        }}
      >
        <h3 id="h-rehearse">Rehearse the plan against many counterparts</h3>
        <p class="note">
          Plays the brief's plan (anchor, concession plan, MESO, floors, walk-away) against each counterpart in turn, every uncertain BATNA drawn in its
          range. The same seed gives the same figures as <code>parley rehearse</code>.
        </p>
        <div class="field">
          <label for="r-samples">Negotiations (samples)</label>
          <input id="r-samples" type="text" inputMode="numeric" size={8} value={samples} onInput={(e) => setSamples((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="r-seed">Seed</label>
          <input id="r-seed" type="text" inputMode="numeric" size={8} value={seed} onInput={(e) => setSeed((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="r-rounds">Deadline in rounds</label>
          <input id="r-rounds" type="text" inputMode="numeric" size={6} value={rounds} onInput={(e) => setRounds((e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="counterparts">
          <legend>Counterparts</legend>
          {STRATEGIES.map((s) => (
            <label>
              <input
                type="checkbox"
                checked={them.includes(s)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  setThem(STRATEGIES.filter((x) => (x === s ? on : them.includes(x))));
                }}
              />{' '}
              {s}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={busy || them.length === 0}>
          {busy ? 'Rehearsing…' : 'Rehearse'}
        </button>
      </form>
      {busy ? (
        <p class="running" role="status" aria-live="polite">
          <span class="bar" /> Playing {samples.trim()} negotiations…
        </p>
      ) : null}
      {error.length ? <ul class="diags" role="alert">{error.map((m) => <li>{m}</li>)}</ul> : null}
      {answer && answer.text !== caseText ? <p class="note">The case changed since this rehearsal: rehearse again to see it.</p> : null}
      {answer ? <RehearsalResult r={answer.body} names={names} title={title} /> : null}
    </div>
  );
}

function RehearsalResult({ r, names, title }: { r: any; names: Record<string, string>; title: string }) {
  const us: string = r.us?.party ?? '';
  const name = (id: string) => names[id] ?? id;
  const rows: any[] = r.by_counterpart ?? [];
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: rows.map((c) => c.strategy),
        datasets: [
          { type: 'bar', label: 'mean value to us', data: rows.map((c) => c.mean_value), backgroundColor: COLOURS[0] + 'aa' },
          { type: 'line', label: 'predicted deal', data: rows.map(() => r.predicted_value), borderColor: COLOURS[2], borderDash: [6, 4], pointRadius: 0 },
          { type: 'line', label: 'our walk-away', data: rows.map(() => r.walk_away), borderColor: COLOURS[1], borderDash: [2, 3], pointRadius: 0 },
        ],
      } as any,
      options: {
        plugins: { tooltip: { callbacks: { label: (c: any) => `${c.dataset.label}: ${value(c.raw, us)}` } } },
        scales: { y: { ticks: { callback: (v: any) => value(Number(v), us) } } },
      },
    }),
    [r],
  );
  const stepLabels = (r.breaks ?? []).map((n: number, i: number) => `${i === 0 ? 'anchor' : `step ${i}`} ${num(n)}`);
  return (
    <section aria-labelledby="h-rehearsal" data-testid="rehearsal">
      <h3 id="h-rehearsal">Rehearsal: {title}</h3>
      <p>
        {name(us)} plays {r.us?.strategy} (the brief's plan) against {andList(r.them ?? [])}.<br />
        {num(r.negotiations)} negotiations, {num(r.rounds)} rounds, <span data-testid="rehearse-seed">seed {String(r.seed)}</span>
        {(r.drawn ?? []).length ? `; drawn: ${andList(r.drawn.map((d: string) => drawnText(d, names)))}` : ''}.
      </p>
      <p class="headline">
        Agreement:{' '}
        <strong data-testid="agreement-rate" data-value={r.agreement_rate}>
          {pct(r.agreement_rate)}
        </strong>{' '}
        of the negotiations.
      </p>
      <p>
        Our value (no deal: our walk-away): p5 {value(r.value?.p5, us)}, median{' '}
        <strong data-testid="rehearse-p50" data-value={r.value?.p50}>
          {value(r.value?.p50, us)}
        </strong>
        , p95 {value(r.value?.p95, us)}, mean {value(r.value?.mean, us)}.<br />
        predicted deal: {r.predicted_value === null || r.predicted_value === undefined ? 'none (no ZOPA)' : value(r.predicted_value, us)}; walk-away: {value(r.walk_away, us)}.
      </p>
      <div class="columns">
        <div>
          <ChartCanvas config={config} label="Mean value to us against each counterpart, with the predicted deal and our walk-away" height={260} />
        </div>
        <table>
          <caption>By counterpart</caption>
          <thead>
            <tr>
              <th scope="col">counterpart</th>
              <th scope="col">negotiations</th>
              <th scope="col">agree</th>
              <th scope="col">mean value</th>
              <th scope="col">below the predicted deal</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr>
                <th scope="row">{c.strategy}</th>
                <td>{num(c.negotiations)}</td>
                <td>{pct(c.agreement_rate)}</td>
                <td>{value(c.mean_value, us)}</td>
                <td>{pct(c.below_prediction)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <strong>Beat the plan:</strong> {(r.beat_the_plan ?? []).length ? andList(r.beat_the_plan) : 'none'}.
      </p>
      <p>
        <strong>Where the plan breaks:</strong> {stepLabels.join(', ')} (negotiations without a deal or below the predicted deal, by the last step reached).
      </p>
      <h4>What to change</h4>
      <ul class="advice">
        {(r.advice ?? []).map((a: string) => (
          <li>{a}</li>
        ))}
      </ul>
    </section>
  );
}

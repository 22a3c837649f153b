// The power view: POST /api/run/power. A radar of the six sources for each side, the levers and
// the predicted deal, all as the API answers them.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { ChartCanvas, COLOURS } from './charts';
import { amount, num, outcome, pct, util, value } from './format';

const SOURCES = ['situational', 'knowledge', 'information', 'organizational', 'personal', 'planning'];

/** Raising any one of our sources by a point gains the same: one line for them, as the CLI. */
function groupLevers(levers: any[]): any[] {
  const out: any[] = [];
  for (const l of levers) {
    const last = out[out.length - 1];
    if (l.lever === 'raise-source' && last?.lever === 'raise-source' && last.gain === l.gain && last.party === l.party) {
      last.sources.push(l.source);
      last.description = `Raise any one of our sources by a point, backed by evidence (${last.sources.join(', ')})`;
    } else {
      out.push({ ...l, sources: [l.source] });
    }
  }
  return out;
}

export function PowerView({ power, names }: { power: any; names: Record<string, string> }) {
  const parties: string[] = Object.keys(power.parties ?? {});
  const name = (id: string) => names[id] ?? id;
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'radar',
      data: {
        labels: SOURCES,
        datasets: parties.map((id, i) => ({
          label: name(id),
          data: SOURCES.map((s) => power.sources?.[s]?.[id]?.score ?? null),
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length] + '33',
          fill: true,
        })),
      },
      options: { scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } } },
    }),
    [power],
  );
  const pred = power.prediction;
  return (
    <div class="view power">
      <div class="columns">
        <section aria-labelledby="h-radar">
          <h3 id="h-radar">The six sources of power</h3>
          <ChartCanvas config={config} label="Radar of the six sources of power for each side" />
          <table>
            <caption>Score (0 to 5), share of the source and how well it is backed</caption>
            <thead>
              <tr>
                <th scope="col">source</th>
                {parties.map((id) => (
                  <th scope="col">{name(id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SOURCES.map((s) => (
                <tr>
                  <th scope="row">{s}</th>
                  {parties.map((id) => {
                    const c = power.sources?.[s]?.[id];
                    return (
                      <td>
                        {c ? `${num(c.score)} · ${pct(c.share)} · ${c.confidence}` : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">balance</th>
                {parties.map((id) => (
                  <td>{pct(power.balance?.[id])}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-labelledby="h-predicted">
          <h3 id="h-predicted">The predicted deal</h3>
          {pred && pred.outcome ? (
            <>
              <p class="package" data-testid="predicted-outcome">{outcome(pred.outcome)}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">party</th>
                    <th scope="col">value</th>
                    <th scope="col">utility</th>
                    <th scope="col">gain over walk-away</th>
                  </tr>
                </thead>
                <tbody>
                  {(pred.parties as string[]).map((id) => (
                    <tr>
                      <th scope="row">{name(id)}</th>
                      <td data-testid={`predicted-value-${id}`} data-value={pred.value?.[id]}>
                        {value(pred.value?.[id], id)}
                      </td>
                      <td>{util(pred.utility?.[id])}</td>
                      <td>{value(pred.gain?.[id], id)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {pred.expected_value !== undefined && pred.expected_value !== null ? (
                <p>
                  Expected value to {name(power.perspective)} over {num(pred.samples)} draws:{' '}
                  <strong data-testid="expected-value" data-value={pred.expected_value}>
                    {value(pred.expected_value, power.perspective)}
                  </strong>{' '}
                  (5th to 95th percentile {value(pred.percentiles?.p5, power.perspective)} to {value(pred.percentiles?.p95, power.perspective)}); a deal in{' '}
                  {pct(pred.zopa_probability)} of draws.
                </p>
              ) : null}
            </>
          ) : (
            <p>No deal is predicted: {pred?.reason ?? 'no package is worth more than both walk-aways.'}</p>
          )}
          <h3 id="h-levers">Levers: what would move the deal most</h3>
          <ol class="levers">
            {groupLevers(power.levers ?? []).map((l: any) => (
              <li>
                {l.description}: <strong>{l.gain >= 0 ? '+' : ''}{amount(l.gain, l.money)}</strong> ({amount(l.before, l.money)} → {amount(l.after, l.money)})
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section aria-labelledby="h-pitfalls">
        <h3 id="h-pitfalls">Pitfalls</h3>
        <ul>
          {(power.pitfalls ?? []).map((p: any) => (
            <li>{p.message}</li>
          ))}
        </ul>
        <details>
          <summary>Assumptions</summary>
          <ul>
            {(power.assumptions ?? []).map((a: string) => (
              <li>{a}</li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}

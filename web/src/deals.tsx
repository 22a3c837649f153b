// The deal space: POST /api/run/frontier drawn as a scatter of the frontier (utility to each of
// the first two parties) with each side's walk-away as a line. Clicking a point, or choosing a
// package, asks POST /api/run/evaluate what it is worth, who accepts it and what it leaves on the
// table.
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { problems, run } from './api';
import { ChartCanvas, COLOURS } from './charts';
import { num, outcome, util, value } from './format';

/** A walk-away near enough to the deals (utility -0.25 to 1.25) to be drawn without squeezing them. */
function near(d: number | undefined): boolean {
  return typeof d === 'number' && d >= -0.25 && d <= 1.25;
}

function offerParam(o: Record<string, any>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function DealSpace({ frontier, power, caseDoc, caseText, names }: { frontier: any; power: any; caseDoc: any; caseText: string; names: Record<string, string> }) {
  const [picked, setPicked] = useState<any>(null);
  const [evaluation, setEvaluation] = useState<any>(null);
  const [error, setError] = useState<string[]>([]);
  const [a, b] = frontier.parties as string[];
  const name = (id: string) => names[id] ?? id;
  const points: any[] = frontier.frontier ?? [];

  const evaluate = async (o: Record<string, any>) => {
    setPicked(o);
    const ans = await run('evaluate', caseText, { offer: offerParam(o) });
    if (ans.ok) {
      setEvaluation(ans.body);
      setError([]);
    } else {
      setEvaluation(null);
      setError(problems(ans));
    }
  };

  const config = useMemo<ChartConfiguration>(() => {
    const dA = frontier.disagreement?.[a];
    const dB = frontier.disagreement?.[b];
    const pred = power?.prediction;
    const predicted = pred?.outcome && pred.utility?.[a] !== undefined && pred.utility?.[b] !== undefined ? [{ x: pred.utility[a], y: pred.utility[b], label: 'predicted deal', outcome: pred.outcome }] : [];
    const solutions = Object.entries(frontier.solutions ?? {}).flatMap(([k, list]: [string, any]) =>
      (list as any[]).slice(0, 1).map((s) => ({ x: s.utility[a], y: s.utility[b], label: k, outcome: s.outcome })),
    );
    return {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Frontier (efficient packages)',
            data: points.map((p) => ({ x: p.utility[a], y: p.utility[b], outcome: p.outcome })),
            backgroundColor: COLOURS[0],
            pointRadius: 3,
            pointHoverRadius: 7,
            // With more than two parties the points are the frontier seen from two of them: no line.
            showLine: frontier.parties.length === 2,
            borderWidth: 1,
            borderColor: COLOURS[0] + '88',
          },
          {
            label: 'Bargaining solutions',
            data: solutions,
            backgroundColor: COLOURS[2],
            pointStyle: 'rectRot',
            pointRadius: 8,
          },
          {
            label: 'Predicted deal',
            data: predicted,
            backgroundColor: COLOURS[4],
            pointStyle: 'star',
            pointRadius: 12,
            borderColor: COLOURS[4],
            borderWidth: 2,
          },
          {
            label: `${name(a)}'s walk-away (${util(dA)}${near(dA) ? '' : ', off the chart'})`,
            data: near(dA) ? [{ x: dA, y: Math.min(0, near(dB) ? dB : 0) }, { x: dA, y: Math.max(1, near(dB) ? dB : 1) }] : [],
            showLine: true,
            borderColor: COLOURS[1],
            borderDash: [6, 4],
            pointRadius: 0,
          },
          {
            label: `${name(b)}'s walk-away (${util(dB)}${near(dB) ? '' : ', off the chart'})`,
            data: near(dB) ? [{ x: Math.min(0, near(dA) ? dA : 0), y: dB }, { x: Math.max(1, near(dA) ? dA : 1), y: dB }] : [],
            showLine: true,
            borderColor: COLOURS[3],
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        // A click or hover takes the one point nearest the pointer.
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          // 0..1 at least, wider when a walk-away lies outside (below every deal, or above all).
          x: { title: { display: true, text: `utility to ${name(a)} (0 worst deal, 1 best)` }, suggestedMin: 0, suggestedMax: 1 },
          y: { title: { display: true, text: `utility to ${name(b)} (0 worst deal, 1 best)` }, suggestedMin: 0, suggestedMax: 1 },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx: any) => (ctx.raw?.outcome ? `${ctx.raw.label ? ctx.raw.label + ': ' : ''}${outcome(ctx.raw.outcome)}` : ctx.dataset.label),
            },
          },
        },
        onClick: (_e: any, elements: any[]) => {
          const el = elements.find((x: any) => x.datasetIndex <= 2);
          if (!el) return;
          const raw: any = (el.datasetIndex === 0 ? points.map((p) => ({ outcome: p.outcome })) : el.datasetIndex === 1 ? solutions : predicted)[el.index];
          if (raw?.outcome) evaluate(raw.outcome);
        },
      },
    } as ChartConfiguration;
  }, [frontier, power, caseText]);

  return (
    <div class="view deals">
      <div class="columns">
        <section aria-labelledby="h-space">
          <h3 id="h-space">The deal space</h3>
          {frontier.parties.length > 2 ? <p class="note">The chart shows the first two parties of {frontier.parties.length}.</p> : null}
          <ChartCanvas config={config} label="Scatter of the efficient frontier with each side's walk-away and the predicted deal" height={360} />
          {power?.prediction?.outcome ? (
            <p>
              Predicted deal (the star): {outcome(power.prediction.outcome)}.{' '}
              <button type="button" class="link" onClick={() => evaluate(power.prediction.outcome)}>
                See who accepts it
              </button>
            </p>
          ) : null}
          <p>
            {frontier.zopa?.exists
              ? `A zone of possible agreement exists: ${frontier.zopa.acceptable_count} of ${frontier.outcome_count} packages are acceptable to every side.`
              : `No package is acceptable to every side. ${frontier.zopa?.explanation ?? ''}`}
          </p>
          <PackagePicker caseDoc={caseDoc} onPick={evaluate} initial={picked} />
        </section>
        <section aria-labelledby="h-package" aria-live="polite">
          <h3 id="h-package">The package</h3>
          <FrontierList points={points} a={a} b={b} name={name} onPick={evaluate} />
          {error.length ? <ul class="diags" role="alert">{error.map((m) => <li>{m}</li>)}</ul> : null}
          {evaluation ? <Evaluation ev={evaluation} name={name} /> : <p>Click a point of the chart, or choose a package, to see who accepts it.</p>}
        </section>
      </div>
    </div>
  );
}

function FrontierList({ points, a, b, name, onPick }: { points: any[]; a: string; b: string; name: (id: string) => string; onPick: (o: any) => void }) {
  return (
    <details>
      <summary>The {points.length} frontier packages as a list (keyboard)</summary>
      <ol class="frontier-list">
        {points.map((p) => (
          <li>
            <button type="button" class="link" onClick={() => onPick(p.outcome)}>
              {outcome(p.outcome)}
            </button>{' '}
            {name(a)} {value(p.value[a], a)}, {name(b)} {value(p.value[b], b)}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Evaluation({ ev, name }: { ev: any; name: (id: string) => string }) {
  const best = ev.best_improvement;
  return (
    <div class="evaluation" data-testid="evaluation">
      <p class="package">{outcome(ev.offer)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">party</th>
            <th scope="col">value</th>
            <th scope="col">utility</th>
            <th scope="col">walk-away (utility)</th>
            <th scope="col">accepts?</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(ev.parties).map(([id, p]: [string, any]) => (
            <tr>
              <th scope="row">{name(id)}</th>
              <td>{value(p.value, id)}</td>
              <td>{util(p.utility)}</td>
              <td>{util(p.disagreement)}</td>
              <td class={p.accepts ? 'yes' : 'no'}>
                {p.accepts ? 'yes' : 'no'}
                {p.floors_broken?.length ? ` (breaks a floor: ${p.floors_broken.join(', ')})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {ev.acceptable ? 'Every side accepts it.' : 'Not every side accepts it.'}{' '}
        {ev.efficient ? 'It is on the frontier: nothing is left on the table.' : `${num(ev.dominated_by_count)} packages are better for every side.`}
      </p>
      {best ? (
        <div class="left-on-table">
          <h4>Left on the table</h4>
          <p>
            {outcome(best.outcome)} gives{' '}
            {Object.entries(best.gain).map(([id, g]: [string, any], i) => (
              <>
                {i ? ' and ' : ''}
                {name(id)} {value(g.value, id)} more
              </>
            ))}
            .
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** Choose one value per issue and evaluate the package. */
function PackagePicker({ caseDoc, onPick, initial }: { caseDoc: any; onPick: (o: any) => void; initial: any }) {
  const issues: any[] = Array.isArray(caseDoc.issues) ? caseDoc.issues : [];
  const [choice, setChoice] = useState<Record<string, string>>({});
  const valueOf = (issue: any) =>
    choice[issue.id] ?? (initial?.[issue.id] !== undefined ? String(initial[issue.id]) : issue.kind === 'options' ? issue.options?.[0] ?? '' : String(issue.range?.[0] ?? ''));
  return (
    <form
      class="picker"
      onSubmit={(e) => {
        e.preventDefault();
        const o: any = {};
        for (const issue of issues) o[issue.id] = valueOf(issue);
        onPick(o);
      }}
    >
      <fieldset>
        <legend>Try a package</legend>
        {issues.map((issue) => (
          <div class="field">
            <label for={`pick-${issue.id}`}>{issue.name ?? issue.id}</label>
            {issue.kind === 'options' ? (
              <select id={`pick-${issue.id}`} value={valueOf(issue)} onChange={(e) => setChoice({ ...choice, [issue.id]: (e.target as HTMLSelectElement).value })}>
                {(issue.options ?? []).map((o: string) => (
                  <option value={o}>{o}</option>
                ))}
              </select>
            ) : (
              <input id={`pick-${issue.id}`} type="text" inputMode="decimal" value={valueOf(issue)} onInput={(e) => setChoice({ ...choice, [issue.id]: (e.target as HTMLInputElement).value })} />
            )}
          </div>
        ))}
        <button type="submit">Evaluate this package</button>
      </fieldset>
    </form>
  );
}

// The stakeholder view: POST /api/run/stakeholders. The map as a graph (each person placed by
// stance and real say, sized by formal authority, a diamond for a veto; arrows for who listens
// to whom, the case's own `influences`), the tables and the engagement order, all as the answer
// (the JSON of `parley stakeholders --format json`) and the command line word them.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { problems, run } from './api';
import { ChartCanvas, COLOURS } from './charts';
import { num, pct } from './format';

function stanceText(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return x > 0 ? `+${num(x)}` : num(x);
}

interface Tie {
  from: string;
  to: string;
  weight: number;
}

/** Who listens to whom, as the case states it: `{on: X, weight: w}` under a person means X gives
 * weight w to that person's view (an arrow from the person to X). */
function tiesOf(doc: any): Tie[] {
  const out: Tie[] = [];
  for (const s of Array.isArray(doc?.stakeholders) ? doc.stakeholders : []) {
    for (const t of Array.isArray(s?.influences) ? s.influences : []) {
      if (typeof t?.on === 'string' && typeof t?.weight === 'number') out.push({ from: String(s.id), to: t.on, weight: t.weight });
    }
  }
  return out;
}

/** Draws each person's id beside its point and an arrow for each tie, with its weight. */
function graphPlugin(people: any[], ties: Tie[]): Plugin {
  return {
    id: 'stakeholderGraph',
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      const at = new Map(people.map((p) => [p.id, { x: scales.x.getPixelForValue(p.stance ?? 0), y: scales.y.getPixelForValue(p.real_power) }]));
      ctx.save();
      ctx.strokeStyle = '#555';
      ctx.fillStyle = '#333';
      ctx.lineWidth = 1.2;
      ctx.font = '11px sans-serif';
      for (const t of ties) {
        const a = at.get(t.from);
        const b = at.get(t.to);
        if (!a || !b) continue;
        const angle = Math.atan2(b.y - a.y, b.x - a.x);
        const end = { x: b.x - 14 * Math.cos(angle), y: b.y - 14 * Math.sin(angle) };
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(end.x, end.y);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(end.x, end.y);
        ctx.lineTo(end.x - 8 * Math.cos(angle - 0.4), end.y - 8 * Math.sin(angle - 0.4));
        ctx.lineTo(end.x - 8 * Math.cos(angle + 0.4), end.y - 8 * Math.sin(angle + 0.4));
        ctx.closePath();
        ctx.fill();
        ctx.fillText(num(t.weight), (a.x + end.x) / 2 + 4, (a.y + end.y) / 2 - 4);
      }
      ctx.font = 'bold 12px sans-serif';
      for (const p of people) {
        const q = at.get(p.id)!;
        ctx.fillText(p.id, q.x + 10, q.y + 14);
      }
      ctx.restore();
    },
  };
}

export function StakeholdersView({ doc, caseText, names }: { doc: any; caseText: string; names: Record<string, string> }) {
  const [answer, setAnswer] = useState<{ text: string; body: any; error?: string[] } | null>(null);
  useEffect(() => {
    let live = true;
    run('stakeholders', caseText).then((a) => live && setAnswer({ text: caseText, body: a.ok ? a.body : null, error: a.ok ? undefined : problems(a) }));
    return () => {
      live = false;
    };
  }, [caseText]);
  if (!answer || answer.text !== caseText) return <p aria-live="polite">Computing…</p>;
  if (answer.error) return <ul class="diags" role="alert">{answer.error.map((m) => <li>{m}</li>)}</ul>;
  const m = answer.body;
  if (!(m.stakeholders ?? []).length) {
    return (
      <p class="note" data-testid="no-stakeholders">
        This case has no stakeholders: add the people behind each party (their formal authority, stance, veto and who listens to whom) in the Case tab,
        section <strong>Stakeholders</strong>, with <strong>Add stakeholder</strong>.
      </p>
    );
  }
  return <StakeholderMap m={m} ties={tiesOf(doc)} names={names} title={doc.title} />;
}

function StakeholderMap({ m, ties, names, title }: { m: any; ties: Tie[]; names: Record<string, string>; title: string }) {
  const people: any[] = m.stakeholders;
  const partyIds: string[] = (m.parties ?? []).map((p: any) => p.party);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'scatter',
      data: {
        datasets: partyIds.map((party, i) => {
          const members = people.filter((p) => p.party === party);
          return {
            label: names[party] ?? party,
            data: members.map((p) => ({ x: p.stance ?? 0, y: p.real_power, person: p })),
            backgroundColor: COLOURS[i % COLOURS.length] + '55',
            borderColor: COLOURS[i % COLOURS.length],
            borderWidth: members.map((p) => (p.decides ? 3 : 1)),
            pointStyle: members.map((p) => (p.veto ? 'rectRot' : 'circle')),
            pointRadius: members.map((p) => 5 + 2 * (p.formal ?? 0)),
            pointHoverRadius: members.map((p) => 6 + 2 * (p.formal ?? 0)),
          };
        }),
      } as any,
      options: {
        layout: { padding: { right: 60 } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c: any) => {
                const p = c.raw.person;
                return `${p.name ?? p.id} (${p.id}): stance ${stanceText(p.stance)}, real say ${pct(p.real_power)}, formal ${p.formal ?? '—'}${p.veto ? ', veto' : ''}${p.decides ? ', decides' : ''}`;
              },
            },
          },
        },
        scales: {
          x: {
            min: -2.5,
            max: 2.5,
            title: { display: true, text: 'stance (−2 opposes us, +2 supports us)' },
            afterBuildTicks: (axis: any) => {
              axis.ticks = [-2, -1, 0, 1, 2].map((v) => ({ value: v }));
            },
            ticks: { callback: (v: any) => stanceText(Number(v)) },
          },
          y: {
            min: 0,
            max: 1.1,
            title: { display: true, text: 'real say' },
            afterBuildTicks: (axis: any) => {
              axis.ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ value: v }));
            },
            ticks: { callback: (v: any) => pct(Number(v)) },
          },
        },
      },
      plugins: [graphPlugin(people, ties)],
    }),
    [m, ties],
  );
  return (
    <div class="view stakeholders" data-testid="stakeholders">
      <h3>Stakeholder map: {title}</h3>
      <ChartCanvas
        config={config}
        label="Each stakeholder by stance and real say; larger for more formal authority, a diamond for a veto, a thick border for a real decider; arrows from a person to those who listen to them, with the weight"
        height={340}
      />
      <p class="note">
        Each person by stance (across) and real say (up); larger for more formal authority, a diamond when they can veto, a thick border when they are a
        real decider. An arrow runs from a person to someone who listens to them, with the weight given to their view.
      </p>
      {(m.parties ?? []).map((p: any) => (
        <PartySection p={p} people={people.filter((s) => s.party === p.party)} names={names} />
      ))}
      <p class="note">
        Formal power: Shapley-Shubik index of the decision rule; informal: DeGroot or Friedkin-Johnsen; real say: formal power passed through who listens to whom
        (docs/stakeholders.md).
      </p>
    </div>
  );
}

function PartySection({ p, people, names }: { p: any; people: any[]; names: Record<string, string> }) {
  const name = names[p.party] ?? p.party;
  return (
    <section aria-label={`Stakeholders of ${name}`}>
      <h4>
        {name}
        {p.ours ? ' (us)' : ''}
      </h4>
      <p>
        Decision rule: {p.decision_rule?.text}
        <br />
        Informal influence: {p.informal_influence_measure}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">member</th>
            <th scope="col">formal</th>
            <th scope="col">veto</th>
            <th scope="col">stance</th>
            <th scope="col">formal power</th>
            <th scope="col">informal</th>
            <th scope="col">real say</th>
            <th scope="col">decides</th>
            <th scope="col">salience</th>
            <th scope="col">quadrant</th>
          </tr>
        </thead>
        <tbody>
          {people.map((s) => (
            <tr>
              <th scope="row">
                {s.id}
                {s.name ? ` (${s.name}${s.title && s.title !== s.name ? `, ${s.title}` : ''})` : ''}
              </th>
              <td>{s.formal === null || s.formal === undefined ? '—' : num(s.formal)}</td>
              <td>{s.veto ? 'yes' : ''}</td>
              <td>{stanceText(s.stance)}</td>
              <td>{pct(s.formal_power)}</td>
              <td>{pct(s.informal_influence)}</td>
              <td>{pct(s.real_power)}</td>
              <td>{s.decides ? 'yes' : ''}</td>
              <td>{s.salience}</td>
              <td>{String(s.quadrant ?? '').replace(/-/g, ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>Real deciders:</strong> {(p.real_deciders ?? []).join(', ')}
        <br />
        {p.real_deciders_reason}
      </p>
      {p.differs_from_org_chart ? (
        <p>
          <strong>Not the org chart:</strong> {p.org_chart_note}
        </p>
      ) : null}
      {people
        .filter((s) => (s.unknown ?? []).length)
        .map((s) => (
          <p>
            Unknown for {s.id}: {s.unknown.join(', ')} (not stated; not read as 0)
          </p>
        ))}
      {!p.ours ? (
        <>
          <p>
            <strong>Threads:</strong> {p.thread_note}
          </p>
          <p>
            <strong>Engagement, {p.mode}:</strong> {p.mode_reason}
          </p>
          <ol class="engagement" data-testid={`engagement-${p.party}`}>
            {(p.engagement ?? []).map((e: any) => (
              <li>
                <strong>{e.id}</strong>: {e.reason}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

// The brief: POST /api/run/plan rendered from its JSON, with its downloads (JSON now; HTML,
// Markdown and XLSX from POST /api/run/plan?format=...).
import { token } from './api';
import { issueName, issueValue, outcome, pct, value } from './format';

const DOWNLOADS: [string, string, string][] = [
  ['json', 'JSON', 'application/json'],
  ['html', 'HTML', 'text/html'],
  ['markdown', 'Markdown', 'text/markdown'],
  ['xlsx', 'XLSX (spreadsheet)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];
const EXTENSION: Record<string, string> = { json: 'json', html: 'html', markdown: 'md', xlsx: 'xlsx' };

async function download(format: string, caseText: string, title: string, onError: (m: string) => void) {
  const path = format === 'json' ? '/api/run/plan' : `/api/run/plan?format=${format}`;
  const auth: Record<string, string> = token() ? { Authorization: `Bearer ${token()}` } : {};
  const res = await fetch(path, { method: 'POST', body: caseText, headers: { 'Content-Type': 'application/json', ...auth } });
  if (!res.ok) {
    const text = await res.text();
    let message = `HTTP ${res.status}`;
    try {
      message = JSON.parse(text).messages?.join(' ') ?? message;
    } catch {
      /* keep the status */
    }
    onError(`The ${format} brief could not be made: ${message}`);
    return;
  }
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${(title || 'brief').replace(/[^a-zA-Z0-9_-]+/g, '-').toLowerCase()}-brief.${EXTENSION[format]}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

export function Brief({ plan, caseText, title, names, onError }: { plan: any; caseText: string; title: string; names: Record<string, string>; onError: (m: string) => void }) {
  const name = (id: string) => names[id] ?? id;
  const anchor = plan.anchor;
  const steps: any[] = plan.concessions?.plan?.steps ?? [];
  return (
    <div class="view brief">
      <nav class="downloads" aria-label="Download the brief">
        Download the brief:{' '}
        {DOWNLOADS.map(([f, label]) => (
          <button type="button" class="link" onClick={() => download(f, caseText, title, onError)} data-format={f}>
            {label}
          </button>
        ))}
      </nav>
      <section aria-labelledby="h-verdict">
        <h3 id="h-verdict">
          Verdict: {plan.verdict?.approach ?? '—'}
          {plan.verdict?.break_even !== undefined && plan.verdict?.break_even !== null ? ` (break-even shadow of the future ${Number(plan.verdict.break_even).toFixed(2)})` : ''}
        </h3>
        <ul>
          {(plan.verdict?.reasons ?? []).map((r: string) => (
            <li>{r}</li>
          ))}
        </ul>
        {(plan.notes ?? []).map((n: string) => (
          <p class="note">{n}</p>
        ))}
      </section>
      <section aria-labelledby="h-glance">
        <h3 id="h-glance">At a glance</h3>
        <dl class="figures">
          <dt>our walk-away (BATNA less its costs)</dt>
          <dd data-testid="walk-away">{value(anchor?.walk_away ?? plan.verdict?.walk_away)}</dd>
          <dt>predicted deal, value to us</dt>
          <dd data-testid="predicted-value">{value(anchor?.predicted_value ?? plan.power?.prediction?.value?.[plan.us])}</dd>
          {anchor ? (
            <>
              <dt>opening (anchor), value to us</dt>
              <dd data-testid="anchor-value">{value(anchor.our_value)}</dd>
              <dt>credible range of the opening</dt>
              <dd>
                {value(anchor.credible_low)} to {value(anchor.credible_high)}
              </dd>
            </>
          ) : null}
          <dt>chance a deal both prefer exists (ZOPA)</dt>
          <dd>{pct(plan.power?.prediction?.zopa_probability)}</dd>
          <dt>expected value to us (BATNA when there is no deal)</dt>
          <dd>{value(plan.power?.prediction?.expected_value)}</dd>
          <dt>our share of power (six sources)</dt>
          <dd>{pct(plan.power?.balance?.[plan.us])}</dd>
          <dt>our bargaining weight</dt>
          <dd>{pct(plan.power?.weights?.[plan.us])}</dd>
        </dl>
        {plan.power?.prediction?.outcome ? <p>Where the deal is predicted to land: {outcome(plan.power.prediction.outcome)}.</p> : null}
      </section>
      {anchor ? (
        <section aria-labelledby="h-anchor">
          <h3 id="h-anchor">The opening: {outcome(anchor.outcome)}</h3>
          <p>{anchor.rationale}</p>
          {anchor.tempering ? <p>{anchor.tempering}</p> : null}
        </section>
      ) : null}
      {plan.meso?.packages?.length ? (
        <section aria-labelledby="h-meso">
          <h3 id="h-meso">Equivalent offers to put on the table together (MESO)</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">package</th>
                <th scope="col">to us</th>
                <th scope="col">to {name(plan.them)}</th>
                <th scope="col">acceptance</th>
                <th scope="col">what their choice reveals</th>
              </tr>
            </thead>
            <tbody>
              {plan.meso.packages.map((m: any) => (
                <tr>
                  <td>{outcome(m.outcome)}</td>
                  <td>{value(m.our_value)}</td>
                  <td>{value(m.their_value, plan.them)}</td>
                  <td>{pct(m.acceptance)}</td>
                  <td>{m.reveals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {steps.length ? (
        <section aria-labelledby="h-steps">
          <h3 id="h-steps">The concession plan</h3>
          <ol>
            {steps.map((s: any) => (
              <li>
                {s.date ? `${s.date}: ` : ''}
                {(s.gives ?? []).map((g: any) => `${issueName(g.issue)} ${issueValue(g.from, g.issue)} → ${issueValue(g.to, g.issue)}`).join(', ')}
                {s.condition ? `, ${s.condition}` : ''} (then worth {value(s.our_value_after)} to us)
              </li>
            ))}
          </ol>
          {plan.concessions?.plan?.pacing ? <p>{plan.concessions.plan.pacing}</p> : null}
        </section>
      ) : null}
      {plan.give_get?.length ? (
        <section aria-labelledby="h-givegets">
          <h3 id="h-givegets">Give and get</h3>
          <ul>
            {plan.give_get.map((g: any) => (
              <li>
                Give {issueName(g.give.issue)} {issueValue(g.give.from, g.give.issue)} → {issueValue(g.give.to, g.give.issue)} for {issueName(g.get.issue)} {issueValue(g.get.from, g.get.issue)} → {issueValue(g.get.to, g.get.issue)}: we net {value(g.our_net)}, they net {value(g.their_net, plan.them)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-playbook">
        <h3 id="h-playbook">Playbook</h3>
        {(plan.playbook?.phases ?? []).map((ph: any) => (
          <div class="phase">
            <h4>{ph.phase}</h4>
            <ul>
              {(ph.moves ?? []).map((m: any) => (
                <li>
                  <strong>{m.name}.</strong> {m.when} {m.say ? <q>{m.say}</q> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {plan.they_may_cite?.length ? (
        <section aria-labelledby="h-cite">
          <h3 id="h-cite">What they may cite</h3>
          <ul>
            {plan.they_may_cite.map((c: any) => (
              <li>
                {c.claim} <em>Reply:</em> {c.reply}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-checklist">
        <h3 id="h-checklist">Checklist</h3>
        <table>
          <tbody>
            {(plan.checklist ?? []).map((c: any) => (
              <tr>
                <td class={`status ${c.status}`}>{c.status}</td>
                <td>{c.item}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <details>
        <summary>Assumptions</summary>
        <ul>
          {(plan.assumptions ?? []).map((a: string) => (
            <li>{a}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

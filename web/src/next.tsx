// The next-move view ("They just countered: what now?"): POST /api/run/next. The talks so far are
// the case's `rounds`; a form adds their latest offer as a round, and the advice is the answer's
// fields (the JSON of `parley next --format json`), in the command line's words.
import { useEffect, useState } from 'preact/hooks';
import { problems, run } from './api';
import { issueName, issueValue, outcome, value } from './format';
import { possessive } from './rehearse';

/** text::WorthTo: "worth 148,000 to us", "costs Acme Corp 122,000" (a money figure below zero). */
function worthTo(x: number | null | undefined, who: string, party: string): string {
  const text = value(x, party);
  if (typeof x === 'number' && x < 0 && text.startsWith('−')) return `costs ${who} ${text.slice(1)}`;
  return `worth ${text} to ${who}`;
}

function signedMove(x: number, party: string): string {
  const text = value(x, party);
  return x > 0 && text !== '0' && text !== '0.0000' ? `+${text}` : text;
}

/** A form for the offer they just made: every issue of the case, prefilled with the last offer. */
function AddRound({ doc, them, onAdd }: { doc: any; them: string; onAdd: (round: any) => void }) {
  const issues: any[] = Array.isArray(doc.issues) ? doc.issues : [];
  const parties: any[] = Array.isArray(doc.parties) ? doc.parties : [];
  const rounds: any[] = Array.isArray(doc.rounds) ? doc.rounds : [];
  const last = rounds[rounds.length - 1]?.offer ?? {};
  const [by, setBy] = useState(them);
  const [offer, setOffer] = useState<Record<string, string>>(() =>
    Object.fromEntries(issues.map((i) => [String(i.id), last[i.id] !== undefined ? String(last[i.id]) : ''])),
  );
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <form
      class="next-form"
      aria-labelledby="h-add-round"
      onSubmit={(e) => {
        e.preventDefault();
        const values = Object.fromEntries(
          issues.map((i) => {
            const v = (offer[i.id] ?? '').trim();
            return [i.id, i.kind === 'number' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v];
          }),
        );
        onAdd({ by, offer: values, ...(date ? { date } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <h3 id="h-add-round">They just countered: add their offer to the talks</h3>
      <p class="note">The offer becomes the last of the case's rounds (save the case to keep it). Every issue needs a value: the terms that stand.</p>
      <div class="field">
        <label for="n-by">Offer by</label>
        <select id="n-by" value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value)}>
          {parties.map((p) => (
            <option value={p.id}>{p.name || p.id}</option>
          ))}
        </select>
      </div>
      {issues.map((i) => (
        <div class="field">
          <label for={`n-offer-${i.id}`}>{i.name || i.id}</label>
          {i.kind === 'number' ? (
            <input
              id={`n-offer-${i.id}`}
              type="text"
              inputMode="decimal"
              size={10}
              value={offer[i.id] ?? ''}
              onInput={(e) => setOffer({ ...offer, [i.id]: (e.target as HTMLInputElement).value })}
            />
          ) : (
            <select id={`n-offer-${i.id}`} value={offer[i.id] ?? ''} onChange={(e) => setOffer({ ...offer, [i.id]: (e.target as HTMLSelectElement).value })}>
              <option value="">(choose)</option>
              {(Array.isArray(i.options) ? i.options : []).map((o: string) => (
                <option value={o}>{o}</option>
              ))}
            </select>
          )}
        </div>
      ))}
      <div class="field">
        <label for="n-date">Date (optional)</label>
        <input id="n-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="n-note">What they said with it (optional)</label>
        <input id="n-note" type="text" size={30} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="primary">
        Add the offer and advise
      </button>
    </form>
  );
}

export function NextView({ doc, caseText, names, onAddRound }: { doc: any; caseText: string; names: Record<string, string>; onAddRound: (round: any) => void }) {
  const [answer, setAnswer] = useState<{ text: string; body: any; error?: string[] } | null>(null);
  useEffect(() => {
    let live = true;
    run('next', caseText).then((a) => live && setAnswer({ text: caseText, body: a.ok ? a.body : null, error: a.ok ? undefined : problems(a) }));
    return () => {
      live = false;
    };
  }, [caseText]);
  const parties: any[] = Array.isArray(doc.parties) ? doc.parties : [];
  const them = String(parties.find((p) => p?.side === 'them')?.id ?? '');
  const current = answer && answer.text === caseText;
  return (
    <div class="view next">
      <AddRound key={caseText} doc={doc} them={answer?.body?.them ?? them} onAdd={onAddRound} />
      {!current ? <p aria-live="polite">Computing…</p> : null}
      {current && answer.error ? <ul class="diags" role="alert">{answer.error.map((m) => <li>{m}</li>)}</ul> : null}
      {current && answer.body ? <Advice n={answer.body} names={names} title={doc.title} /> : null}
    </div>
  );
}

function Advice({ n, names, title }: { n: any; names: Record<string, string>; title: string }) {
  const name = (id: string) => names[id] ?? id;
  const us: string = n.us;
  const offers: any[] = n.offers ?? [];
  const parties: string[] = offers.length ? Object.keys(offers[0].value ?? {}) : [];
  const rest = n.rest;
  const steps: any[] = rest?.steps ?? [];
  return (
    <section aria-labelledby="h-next" data-testid="next">
      <h3 id="h-next">
        Where the talks stand: {title} ({possessive(name(us))} chair)
      </h3>
      {offers.length === 0 ? (
        <p>No offer has been made yet (the case has no rounds).</p>
      ) : (
        <table>
          <caption>Offers so far (each party's value; ZOPA: every party gets at least its walk-away within every floor)</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">date</th>
              <th scope="col">by</th>
              {parties.map((p) => (
                <th scope="col">{name(p)}</th>
              ))}
              <th scope="col">ZOPA</th>
              <th scope="col">toward us</th>
              <th scope="col">package</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr>
                <td>{o.index + 1}</td>
                <td>{o.date ?? '—'}</td>
                <td>{name(o.by)}</td>
                {parties.map((p) => (
                  <td>{value(o.value?.[p], p)}</td>
                ))}
                <td>{o.in_zopa ? 'yes' : 'no'}</td>
                <td>{o.by === us || o.our_change === null || o.our_change === undefined ? '' : signedMove(o.our_change, us)}</td>
                <td>{outcome(o.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {n.pace !== null && n.pace !== undefined ? (
        <p>
          Their pace: {name(n.them)} moved {value(n.pace, us)} toward us per offer on average
          {n.offers_to_go !== null && n.offers_to_go !== undefined && n.next_value !== null && n.next_value !== undefined
            ? `; at that pace ${n.offers_to_go.toFixed(1)} more offers to reach the ${value(n.next_value, us)} our next counter asks`
            : ''}
          .
        </p>
      ) : null}
      {(n.priorities ?? []).length ? (
        <table>
          <caption>What their offers reveal (frequency model: the weight their offers show, and the weight the case states for them)</caption>
          <tbody>
            {n.priorities.map((p: any) => (
              <tr>
                <th scope="row">{issueName(p.issue)}</th>
                <td>{p.revealed_weight.toFixed(2)}</td>
                <td>case {p.stated_weight.toFixed(2)}</td>
                <td>
                  {p.revealed_weight > p.stated_weight + 0.15 ? 'matters more than the case says' : p.revealed_weight + 0.15 < p.stated_weight ? 'matters less than the case says' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>
        Next move:{' '}
        <strong class="advice-action" data-testid="next-action" data-value={n.action}>
          {n.action}
        </strong>{' '}
        (rule: {n.rule})
      </h3>
      {n.offer ? (
        <>
          <p class="package" data-testid="next-offer">
            Package: {outcome(n.offer)}
          </p>
          <p>
            {worthTo(n.offer_value?.us, 'us', us)}, {worthTo(n.offer_value?.them, name(n.them), n.them)}
          </p>
        </>
      ) : null}
      {n.rule === 'counter' && steps[0]?.date ? <p>When: by {steps[0].date}, the re-paced plan's date for this step</p> : null}
      {n.say ? (
        <p class="say" data-testid="next-say">
          <strong>Say:</strong> “{n.say}”
        </p>
      ) : null}
      <p>
        <strong>Why (for us only):</strong> {n.reason}
      </p>
      <p class="never-say">
        <strong>Our walk-away (never say it):</strong> {value(n.walk_away, us)}; the plan's landing point: {value(n.target, us)}
      </p>
      {steps.length ? (
        <table>
          <caption>The rest of the concession plan, re-paced from our position</caption>
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">when</th>
              <th scope="col">size</th>
              <th scope="col">our value after</th>
              <th scope="col">we give, and what we ask in return</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr>
                <td>{s.step}</td>
                <td>{s.date || '—'}</td>
                <td>{value(s.size, us)}</td>
                <td>{value(s.our_value_after, us)}</td>
                <td>
                  {(s.gives ?? []).map((t: any) => `${issueName(t.issue)} ${issueValue(t.from, t.issue)} to ${issueValue(t.to, t.issue)}`).join('; ')}, {s.condition}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rest?.pacing ? <p class="note">{rest.pacing}</p> : null}
    </section>
  );
}

// The case editor: the case format (docs/case-format.md) as forms. Fields the forms do not show
// (sets, floors, rectangles, rounds, ...) are kept as they are.
import { useContext } from 'preact/hooks';
import {
  CheckField,
  Diags,
  Edit,
  Group,
  ListField,
  NumberField,
  YesNoField,
  SelectField,
  TextField,
} from './fields';

const SOURCES = ['situational', 'knowledge', 'information', 'organizational', 'personal', 'planning'];
const CONTEXTS = ['sales', 'procurement', 'partnership', 'hiring', 'internal', 'other'];
const EVIDENCE_KINDS = ['benchmark', 'cost', 'legal', 'precedent', 'capacity', 'policy', 'research', 'other'];

/** The case a new one starts from: two parties, nothing else. */
export function blankCase(): any {
  return {
    format: 'parley/1',
    title: '',
    parties: [
      { id: 'us', side: 'us' },
      { id: 'them', side: 'them' },
    ],
    issues: [],
  };
}

function arr(v: any): any[] {
  return Array.isArray(v) ? v : [];
}

function CaseFields() {
  return (
    <Group path="" title={<span id="h-case">The case</span>}>
      <TextField path="title" label="Title" wide />
      <SelectField path="context" label="Context" options={CONTEXTS} none="(not stated)" />
      <SelectField path="relationship" label="Relationship" options={['one-off', 'repeated']} none="(not stated)" />
      <SelectField path="culture" label="Culture" options={['direct', 'indirect']} none="(not stated)" />
      <TextField path="currency" label="Currency" placeholder="USD" />
      <NumberField path="horizon.deals" label="Further deals expected" />
      <NumberField path="horizon.likelihood" label="Likelihood of each (0 to 1)" />
      <TextField path="description" label="Description" multiline wide />
    </Group>
  );
}

function BatnaFields({ p }: { p: string }) {
  const { doc, set } = useContext(Edit);
  const batna = doc && p ? pathValue(doc, `${p}.batna`) : undefined;
  const form = batna === undefined ? '' : 'range' in batna ? 'range' : 'utility' in batna ? 'utility' : 'value';
  const choose = (f: string) => {
    const keep = { ...(batna ?? {}) };
    delete keep.value;
    delete keep.range;
    delete keep.utility;
    delete keep.outcome;
    if (f === '') return set(`${p}.batna`, undefined);
    if (f === 'value') keep.value = 0;
    if (f === 'range') keep.range = [0, 0];
    if (f === 'utility') keep.utility = 0.5;
    set(`${p}.batna`, keep);
  };
  return (
    <Group path={`${p}.batna`} title="BATNA (walk-away alternative)">
      <SelectField
        path={`${p}.batna.__form`}
        label="Stated as"
        options={['value', 'range', 'utility']}
        labels={{ value: 'a value', range: 'a range (uncertain)', utility: 'a utility (0 to 1)' }}
        none="(not stated)"
        onChange={choose}
        value={form}
      />
      {form === 'value' ? <NumberField path={`${p}.batna.value`} label="Value" help="on the party's own value scale: a cost is negative" /> : null}
      {form === 'range' ? (
        <>
          <NumberField path={`${p}.batna.range[0]`} label="Value, low" />
          <NumberField path={`${p}.batna.range[1]`} label="Value, high" />
        </>
      ) : null}
      {form === 'utility' ? <NumberField path={`${p}.batna.utility`} label="Utility (0 to 1)" /> : null}
      {form === 'value' || form === 'range' ? (
        <>
          <NumberField path={`${p}.batna.costs.time`} label="Cost of walking away: time" />
          <NumberField path={`${p}.batna.costs.risk`} label="risk" />
          <NumberField path={`${p}.batna.costs.political`} label="political" />
        </>
      ) : null}
      {form ? (
        <>
          <TextField path={`${p}.batna.description`} label="What it is" wide />
          <ListField path={`${p}.batna.evidence`} label="Evidence ids" />
        </>
      ) : null}
    </Group>
  );
}

function pathValue(doc: any, path: string): any {
  // Local import-free getIn for the few places that branch on a value.
  return path.split(/\.|\[|\]/).filter((s) => s).reduce((v: any, k) => (v == null ? undefined : v[/^\d+$/.test(k) ? Number(k) : k]), doc);
}

function DeadlineFields({ p }: { p: string }) {
  const { doc, set } = useContext(Edit);
  const d = pathValue(doc, `${p}.deadline`);
  const form = d === undefined ? '' : d === 'none' ? 'none' : 'dated';
  const choose = (f: string) => set(`${p}.deadline`, f === '' ? undefined : f === 'none' ? 'none' : { date: 'none' });
  return (
    <Group path={`${p}.deadline`} title="Deadline">
      <SelectField
        path={`${p}.deadline.__form`}
        label="Time pressure"
        options={['none', 'dated']}
        labels={{ none: 'none at all', dated: 'stated' }}
        none="unknown"
        onChange={choose}
        value={form}
      />
      {form === 'dated' ? (
        <>
          <TextField path={`${p}.deadline.date`} label="Date (YYYY-MM-DD or none)" />
          <NumberField path={`${p}.deadline.cost_per_week`} label="Cost per week of delay" />
          <ListField path={`${p}.deadline.evidence`} label="Evidence ids" />
        </>
      ) : null}
    </Group>
  );
}

function SetsFields({ p }: { p: string }) {
  const { doc, set } = useContext(Edit);
  const sets = arr(pathValue(doc, `${p}.sets`));
  const others = arr(doc.parties).map((x: any) => String(x.id ?? '')).filter((id: string) => id !== pathValue(doc, `${p}.id`));
  return (
    <Group path={`${p}.sets`} title="Dates this party sets for another side">
      {sets.map((_: any, j: number) => {
        const q = `${p}.sets[${j}]`;
        return (
          <div class="issue-values" key={j}>
            <TextField path={`${q}.date`} label="Date (YYYY-MM-DD)" />
            <SelectField path={`${q}.for`} label="For" options={others} none="(choose)" />
            <TextField path={`${q}.reason`} label="Why it is real" wide />
            <ListField path={`${q}.evidence`} label="Evidence ids" />
            <button type="button" class="remove" onClick={() => set(q, undefined)}>
              Remove this date
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => set(`${p}.sets[${sets.length}]`, { date: '', for: others[0] ?? '' })}>
        Add a date
      </button>
    </Group>
  );
}

function PowerFields({ p }: { p: string }) {
  const { doc, diagsAt } = useContext(Edit);
  const power = pathValue(doc, `${p}.power`) ?? {};
  const scored = SOURCES.filter((s) => power[s] !== undefined);
  const flagged = SOURCES.some((s) => ['score', 'evidence', 'note', ''].some((k) => diagsAt(`${p}.power.${s}${k ? '.' + k : ''}`).length)) || diagsAt(`${p}.power`).length > 0;
  return (
    <details class="power-fields" open={flagged || undefined}>
      <summary>
        The six sources of power: {scored.length ? scored.map((s) => `${s} ${power[s]?.score ?? '?'}`).join(', ') : 'none scored'}
      </summary>
      <Group path={`${p}.power`} title="Scores 0 to 5, with the evidence behind each">
        {SOURCES.map((s) => (
          <div class="source" key={s}>
            <NumberField path={`${p}.power.${s}.score`} label={`${s}: score`} />
            <ListField path={`${p}.power.${s}.evidence`} label={`${s}: evidence ids`} />
            <TextField path={`${p}.power.${s}.note`} label={`${s}: note`} wide />
          </div>
        ))}
        <NumberField path={`${p}.perceived_power`} label="Perceived power (how strong the side feels, 0 to 5)" />
      </Group>
    </details>
  );
}

/** Removes party `i` and the maps the case keys by its id. */
function dropParty(doc: any, i: number): any {
  const id = doc.parties[i]?.id;
  const out = { ...doc, parties: doc.parties.filter((_: any, j: number) => j !== i) };
  for (const map of ['values', 'floors', 'rectangles']) {
    if (out[map] && id in out[map]) {
      out[map] = { ...out[map] };
      delete out[map][id];
    }
  }
  return out;
}

/** Renames an issue (or removes it, `to` undefined) in every party's values and floors. */
function renameIssue(doc: any, from: string, to: string | undefined): any {
  const out = { ...doc };
  for (const map of ['values', 'floors']) {
    if (!out[map]) continue;
    const copy: any = {};
    for (const [party, byIssue] of Object.entries(out[map]) as [string, any][]) {
      if (!byIssue || typeof byIssue !== 'object' || !(from in byIssue)) {
        copy[party] = byIssue;
        continue;
      }
      const renamed: any = {};
      for (const [k, v] of Object.entries(byIssue)) {
        if (k !== from) renamed[k] = v;
        else if (to !== undefined) renamed[to] = v;
      }
      copy[party] = renamed;
    }
    out[map] = copy;
  }
  return out;
}

/** Renames a party everywhere the case keys a map by its id. */
function renameParty(doc: any, from: string, to: string): any {
  const out = { ...doc };
  for (const map of ['values', 'floors', 'rectangles']) {
    if (out[map] && from in out[map]) {
      const copy: any = {};
      for (const [k, v] of Object.entries(out[map])) copy[k === from ? to : k] = v;
      out[map] = copy;
    }
  }
  return out;
}

function Parties() {
  const { doc, set, replace } = useContext(Edit);
  const parties = arr(doc.parties);
  return (
    <section aria-labelledby="h-parties">
      <h3 id="h-parties">Parties</h3>
      <Diags path="parties" />
      {parties.map((party: any, i: number) => {
        const p = `parties[${i}]`;
        return (
          <Group
            path={p}
            key={i}
            title={`${party.name || party.id || 'party'} (${party.side ?? '?'})`}
            onRemove={() => replace((d: any) => dropParty(d, i))}
            removeLabel={`Remove party ${party.id ?? ''}`}
          >
            <PartyId i={i} replace={replace} />
            <TextField path={`${p}.name`} label="Name" />
            <SelectField path={`${p}.side`} label="Side" options={['us', 'them']} />
            <TextField path={`${p}.description`} label="Description" wide />
            <BatnaFields p={p} />
            <DeadlineFields p={p} />
            <SetsFields p={p} />
            <PowerFields p={p} />
          </Group>
        );
      })}
      <button type="button" onClick={() => set(`parties[${parties.length}]`, { id: `party-${parties.length + 1}`, side: 'them' })}>
        Add party
      </button>
    </section>
  );
}

function PartyId({ i, replace }: { i: number; replace: (f: (d: any) => any) => void }) {
  const { doc } = useContext(Edit);
  const p = `parties[${i}]`;
  const id = doc.parties[i]?.id ?? '';
  return (
    <Edit.Consumer>
      {(ctx) => (
        <Edit.Provider
          value={{
            ...ctx,
            set: (_path, v) =>
              replace((d: any) => {
                const renamed = typeof v === 'string' && id ? renameParty(d, id, v) : d;
                const parties = [...renamed.parties];
                parties[i] = { ...parties[i], id: v };
                return { ...renamed, parties };
              }),
          }}
        >
          <TextField path={`${p}.id`} label="Id" help="lowercase letters, digits, - and _" />
        </Edit.Provider>
      )}
    </Edit.Consumer>
  );
}

function Issues() {
  const { doc, set, replace, diagsAt } = useContext(Edit);
  const issues = arr(doc.issues);
  const setKind = (i: number, kind: string) => {
    const issue = { ...issues[i], kind };
    if (kind === 'number') {
      delete issue.options;
      issue.range = issue.range ?? [0, 100];
    } else {
      delete issue.range;
      delete issue.step;
      delete issue.unit;
      issue.options = issue.options ?? ['a', 'b'];
    }
    set(`issues[${i}]`, issue);
  };
  return (
    <section aria-labelledby="h-issues">
      <h3 id="h-issues">Issues</h3>
      <Diags path="issues" />
      {issues.map((issue: any, i: number) => {
        const p = `issues[${i}]`;
        return (
          <Group
            path={p}
            key={i}
            title={`Issue ${issue.name || issue.id || i + 1}`}
            onRemove={() => replace((d: any) => renameIssue({ ...d, issues: d.issues.filter((_: any, j: number) => j !== i) }, issue.id, undefined))}
            removeLabel={`Remove issue ${issue.id ?? ''}`}
          >
            <Edit.Provider
              value={{
                doc,
                diagsAt,
                replace,
                set: (_path, v) =>
                  replace((d: any) => {
                    const from = d.issues[i]?.id;
                    const renamed = typeof v === 'string' && from ? renameIssue(d, from, v) : d;
                    const list = [...renamed.issues];
                    list[i] = { ...list[i], id: v };
                    return { ...renamed, issues: list };
                  }),
              }}
            >
              <TextField path={`${p}.id`} label="Id" />
            </Edit.Provider>
            <TextField path={`${p}.name`} label="Name" />
            <SelectField path={`${p}.kind`} label="Kind" options={['number', 'options']} onChange={(k) => setKind(i, k)} />
            {issue.kind === 'number' ? (
              <>
                <NumberField path={`${p}.range[0]`} label="Range, low" />
                <NumberField path={`${p}.range[1]`} label="Range, high" />
                <NumberField path={`${p}.step`} label="Step" />
                <TextField path={`${p}.unit`} label="Unit" />
              </>
            ) : (
              <ListField path={`${p}.options`} label="Options" wide />
            )}
            <TextField path={`${p}.description`} label="Description" wide />
          </Group>
        );
      })}
      <button type="button" onClick={() => set(`issues[${issues.length}]`, { id: `issue-${issues.length + 1}`, kind: 'options', options: ['a', 'b'] })}>
        Add issue
      </button>
    </section>
  );
}

function Values() {
  const { doc } = useContext(Edit);
  const parties = arr(doc.parties);
  const issues = arr(doc.issues);
  return (
    <section aria-labelledby="h-values">
      <h3 id="h-values">Values: what each outcome is worth to each party</h3>
      <Diags path="values" />
      {parties.map((party: any) => {
        const base = `values.${party.id}`;
        return (
          <Group path={base} key={party.id} title={`Worth to ${party.name || party.id}`}>
            {issues.map((issue: any) => {
              const p = `${base}.${issue.id}`;
              const ev = pathValue(doc, p) ?? {};
              const utilityForm = 'weight' in ev;
              return (
                <div class="issue-values" key={issue.id}>
                  <Diags path={p} />
                  {utilityForm ? <NumberField path={`${p}.weight`} label={`${issue.id}: weight`} /> : null}
                  {issue.kind === 'number' ? (
                    'points' in ev ? (
                      <PointsField path={`${p}.points`} label={`${issue.id}: value at each point (x=value, piecewise-linear between)`} />
                    ) : utilityForm && !('linear' in ev && typeof ev.linear === 'number') ? (
                      <p class="note">{issue.id}: scored by {Object.keys(ev).filter((k) => k !== 'weight').join(', ')} (edit in the case file)</p>
                    ) : (
                      <NumberField path={`${p}.linear`} label={`${issue.id}: value per unit (linear)`} help="1 for a seller's price, −1 for a buyer's" />
                    )
                  ) : (
                    arr(issue.options).map((o: string) => (
                      <NumberField key={o} path={utilityForm ? `${p}.table.${o}` : `${p}.${o}`} label={`${issue.id} = ${o}`} />
                    ))
                  )}
                </div>
              );
            })}
          </Group>
        );
      })}
    </section>
  );
}

function Floors() {
  const { doc } = useContext(Edit);
  const parties = arr(doc.parties);
  const issues = arr(doc.issues);
  return (
    <section aria-labelledby="h-floors">
      <h3 id="h-floors">Floors: lines a party will not cross on one issue</h3>
      <Diags path="floors" />
      {parties.map((party: any) => {
        const base = `floors.${party.id}`;
        return (
          <Group path={base} key={party.id} title={`${party.name || party.id}'s floors`}>
            {issues.map((issue: any) => {
              const p = `${base}.${issue.id}`;
              return (
                <div class="issue-values" key={issue.id}>
                  <Diags path={p} />
                  {issue.kind === 'number' ? (
                    <>
                      <NumberField path={`${p}.min`} label={`${issue.id}: at least`} />
                      <NumberField path={`${p}.max`} label={`${issue.id}: at most`} />
                    </>
                  ) : (
                    <ListField path={`${p}.exclude`} label={`${issue.id}: options refused`} />
                  )}
                  <ListField path={`${p}.evidence`} label={`${issue.id}: evidence ids`} />
                </div>
              );
            })}
          </Group>
        );
      })}
    </section>
  );
}

function Evidence() {
  const { doc, set } = useContext(Edit);
  const items = arr(doc.evidence);
  return (
    <section aria-labelledby="h-evidence">
      <h3 id="h-evidence">Evidence</h3>
      <Diags path="evidence" />
      {items.map((e: any, i: number) => {
        const p = `evidence[${i}]`;
        return (
          <Group path={p} key={i} title={`Evidence ${e.id ?? i + 1}`} onRemove={() => set(p, undefined)} removeLabel={`Remove evidence ${e.id ?? ''}`}>
            <TextField path={`${p}.id`} label="Id" />
            <SelectField path={`${p}.kind`} label="Kind" options={EVIDENCE_KINDS} none="(other)" />
            <TextField path={`${p}.claim`} label="Claim" wide />
            <TextField path={`${p}.source`} label="Source" />
            <TextField path={`${p}.date`} label="Date (YYYY-MM-DD)" />
            <YesNoField path={`${p}.share`} label="May be shown to the other side" none="(default: no if a BATNA, floor or deadline cites it, else yes)" />
          </Group>
        );
      })}
      <button type="button" onClick={() => set(`evidence[${items.length}]`, { id: `evidence-${items.length + 1}`, claim: '' })}>
        Add evidence
      </button>
    </section>
  );
}

function Stakeholders() {
  const { doc, set } = useContext(Edit);
  const items = arr(doc.stakeholders);
  const partyIds = arr(doc.parties).map((p: any) => String(p.id ?? ''));
  return (
    <section aria-labelledby="h-stakeholders">
      <h3 id="h-stakeholders">Stakeholders</h3>
      <Diags path="stakeholders" />
      {items.map((s: any, i: number) => {
        const p = `stakeholders[${i}]`;
        return (
          <Group path={p} key={i} title={`Stakeholder ${s.name || s.title || s.id}`} onRemove={() => set(p, undefined)} removeLabel={`Remove stakeholder ${s.id ?? ''}`}>
            <TextField path={`${p}.id`} label="Id" />
            <SelectField path={`${p}.party`} label="Party" options={partyIds} />
            <TextField path={`${p}.name`} label="Name" />
            <TextField path={`${p}.title`} label="Title" />
            <TextField path={`${p}.role`} label="Role" placeholder="economic-buyer, user, coach, blocker..." />
            <NumberField path={`${p}.formal`} label="Formal authority (0 to 5)" />
            <NumberField path={`${p}.stance`} label="Stance (−2 to 2)" />
            <NumberField path={`${p}.interest`} label="Interest in the outcome (0 to 5)" />
            <NumberField path={`${p}.urgency`} label="Urgency (0 to 5)" />
            <CheckField path={`${p}.veto`} label="Can veto the deal" />
            <ListField path={`${p}.interests`} label="Interests" wide />
            <InfluencesField path={`${p}.influences`} />
            <ListField path={`${p}.evidence`} label="Evidence ids" />
          </Group>
        );
      })}
      <button type="button" onClick={() => set(`stakeholders[${items.length}]`, { id: `person-${items.length + 1}`, party: partyIds[1] ?? '' })}>
        Add stakeholder
      </button>
    </section>
  );
}

/** `[[20, 0], [35, -9000]]` <-> "20=0, 35=-9000": a piecewise-linear evaluator's points. */
function PointsField({ path, label }: { path: string; label: string }) {
  const { doc, set } = useContext(Edit);
  const v = pathValue(doc, path);
  const shown = Array.isArray(v) ? v.map((pt: any) => (Array.isArray(pt) ? `${pt[0]}=${pt[1]}` : String(pt))).join(', ') : '';
  const id = 'f-' + path.replace(/[^a-zA-Z0-9_-]/g, '_');
  const read = (x: string) => (x.trim() !== '' && !Number.isNaN(Number(x)) ? Number(x) : x.trim());
  return (
    <div class="field wide">
      <label for={id}>{label}</label>
      <input
        type="text"
        id={id}
        value={shown}
        placeholder="20=0, 35=-9000, 60=-40000"
        onChange={(e) => {
          const points = (e.target as HTMLInputElement).value
            .split(',')
            .filter((part) => part.trim())
            .map((part) => {
              const [x, ...rest] = part.split('=');
              return [read(x), read(rest.join('='))];
            });
          set(path, points);
        }}
      />
      <Diags path={path} />
    </div>
  );
}

/** `[{on: cfo, weight: 0.5}]` <-> "cfo=0.5": who listens to this person, and how much. */
function InfluencesField({ path }: { path: string }) {
  const { doc, set } = useContext(Edit);
  const v = pathValue(doc, path);
  const shown = Array.isArray(v) ? v.map((t: any) => `${t?.on}=${t?.weight}`).join(', ') : '';
  const id = 'f-' + path.replace(/[^a-zA-Z0-9_-]/g, '_');
  return (
    <div class="field wide">
      <label for={id}>Listened to by (stakeholder=weight 0 to 1)</label>
      <input
        type="text"
        id={id}
        value={shown}
        placeholder="acme-cfo=0.5, vp-data=0.3"
        onChange={(e) => {
          const ties = (e.target as HTMLInputElement).value
            .split(',')
            .map((part) => part.split('='))
            .filter(([on]) => on.trim())
            .map(([on, w]) => ({ on: on.trim(), weight: w !== undefined && w.trim() !== '' && !Number.isNaN(Number(w)) ? Number(w) : (w ?? '').trim() }));
          set(path, ties.length ? ties : undefined);
        }}
      />
      <Diags path={path} />
    </div>
  );
}

/** `{price: 134000, term: '2y'}` <-> "price=134000, term=2y". */
function PackageField({ path, label }: { path: string; label: string }) {
  const { doc, set } = useContext(Edit);
  const v = pathValue(doc, path);
  const shown = v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${x}`).join(', ') : '';
  const id = 'f-' + path.replace(/[^a-zA-Z0-9_-]/g, '_');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        type="text"
        id={id}
        value={shown}
        placeholder="issue=value, issue=value"
        onChange={(e) => {
          const out: any = {};
          for (const part of (e.target as HTMLInputElement).value.split(',')) {
            const [k, ...rest] = part.split('=');
            if (!k.trim()) continue;
            const raw = rest.join('=').trim();
            out[k.trim()] = raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
          }
          set(path, Object.keys(out).length ? out : undefined);
        }}
      />
      <Diags path={path} />
    </div>
  );
}

function Concessions() {
  const { doc, set } = useContext(Edit);
  const items = arr(doc.concessions);
  const partyIds = arr(doc.parties).map((p: any) => String(p.id ?? ''));
  return (
    <section aria-labelledby="h-concessions">
      <h3 id="h-concessions">Concessions so far</h3>
      <Diags path="concessions" />
      {items.map((c: any, i: number) => {
        const p = `concessions[${i}]`;
        return (
          <Group path={p} key={i} title={`Concession ${i + 1}: ${c.item ?? ''}`} onRemove={() => set(p, undefined)} removeLabel={`Remove concession ${i + 1}`}>
            <TextField path={`${p}.item`} label="What" wide />
            <SelectField path={`${p}.by`} label="By" options={partyIds} none="(us)" />
            <PackageField path={`${p}.give`} label="Gave" />
            <PackageField path={`${p}.get`} label="Got in return" />
            <TextField path={`${p}.trigger`} label="Condition" wide />
            <TextField path={`${p}.date`} label="Date (YYYY-MM-DD)" />
          </Group>
        );
      })}
      <button type="button" onClick={() => set(`concessions[${items.length}]`, { item: 'new concession' })}>
        Add concession
      </button>
    </section>
  );
}

/** Every section of the editor. */
export function CaseEditor() {
  const sections: [string, string][] = [
    ['h-case', 'The case'],
    ['h-parties', 'Parties'],
    ['h-issues', 'Issues'],
    ['h-values', 'Values'],
    ['h-floors', 'Floors'],
    ['h-evidence', 'Evidence'],
    ['h-stakeholders', 'Stakeholders'],
    ['h-concessions', 'Concessions'],
  ];
  return (
    <div class="editor">
      <nav class="jump" aria-label="Sections of the case">
        Go to:{' '}
        {sections.map(([id, label]) => (
          <a href={`#${id}`} onClick={(e) => { e.preventDefault(); document.getElementById(id)?.scrollIntoView(); }}>
            {label}
          </a>
        ))}
      </nav>
      <CaseFields />
      <Parties />
      <Issues />
      <Values />
      <Floors />
      <Evidence />
      <Stakeholders />
      <Concessions />
    </div>
  );
}

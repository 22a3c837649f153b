// The team's library (docs/serve.md, "The libraries"): evidence, benchmarks, tradeables and clauses
// kept across cases. Searched with GET /api/library, added, edited and deleted through its routes;
// in a saved case, an item is inserted with POST /api/cases/ID/insert and the case's evidence is
// harvested with POST /api/library/from-case/ID. The page only shows what the server answers.
import { useEffect, useState } from 'preact/hooks';
import { problems, request } from './api';

const KINDS = ['evidence', 'benchmark', 'tradeable', 'clause'] as const;
type Kind = (typeof KINDS)[number];
const EVIDENCE_KINDS = ['benchmark', 'cost', 'legal', 'precedent', 'capacity', 'policy', 'research', 'other'];

/** The form's fields, all text; turned into the item's JSON shape by `toBody`. */
type Form = Record<string, string>;

function blankForm(kind: Kind): Form {
  return { kind, title: '', tags: '', id: '', ekind: kind === 'benchmark' ? 'benchmark' : '', claim: '', source: '', date: '', share: '', number: '', unit: '', name: '', type: 'options', options: '', min: '', max: '', step: '', cost: '', worth: '' };
}

/** The form for an item as stored. */
function formOf(it: any): Form {
  const f = blankForm(it.kind);
  const item = it.item ?? {};
  const issue = item.issue ?? {};
  const share = item.share === true || item.share === 'yes' ? 'yes' : item.share === false || item.share === 'no' ? 'no' : '';
  return {
    ...f,
    title: it.title ?? '',
    tags: (it.tags ?? []).join(', '),
    id: String((it.kind === 'tradeable' ? issue.id : item.id) ?? ''),
    ekind: item.kind ?? f.ekind,
    claim: item.claim ?? '',
    source: item.source ?? '',
    date: item.date ?? '',
    share,
    number: item.number !== undefined ? String(item.number) : '',
    unit: (it.kind === 'tradeable' ? issue.unit : item.unit) ?? '',
    name: issue.name ?? '',
    type: issue.kind === 'number' ? 'number' : 'options',
    options: Array.isArray(issue.options) ? issue.options.join(', ') : '',
    min: Array.isArray(issue.range) ? String(issue.range[0]) : '',
    max: Array.isArray(issue.range) ? String(issue.range[1]) : '',
    step: issue.step !== undefined ? String(issue.step) : '',
    cost: item.cost_to_us ?? '',
    worth: item.worth_to_them ?? '',
  };
}

/** A number typed as such goes as a number; anything else as typed, so the server names the mistake. */
function num(text: string): number | string {
  const t = text.trim();
  return t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t;
}

/** Keys with an empty value left out; `base` keeps the keys the form does not show. */
function withValues(base: any, values: Record<string, any>): any {
  const out = { ...base };
  for (const [k, v] of Object.entries(values)) {
    if (v === '' || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The POST/PUT body of `docs/serve.md`: {kind, title, item, tags}. */
function toBody(f: Form, original: any): any {
  const kind = f.kind as Kind;
  const tags = f.tags.split(',').map((t) => t.trim()).filter((t) => t);
  const base = original?.kind === kind ? original.item ?? {} : {};
  let item: any;
  if (kind === 'tradeable') {
    const issue = withValues(base.issue ?? {}, {
      id: f.id.trim(),
      name: f.name.trim(),
      kind: f.type === 'number' ? 'number' : '',
      options: f.type === 'options' ? f.options.split(',').map((o) => o.trim()).filter((o) => o) : '',
      range: f.type === 'number' ? [num(f.min), num(f.max)] : '',
      step: f.type === 'number' ? num(f.step) : '',
      unit: f.type === 'number' ? f.unit.trim() : '',
    });
    item = withValues(base, { issue, cost_to_us: f.cost.trim(), worth_to_them: f.worth.trim() });
  } else {
    item = withValues(base, {
      id: f.id.trim(),
      kind: kind === 'clause' ? 'legal' : f.ekind,
      claim: f.claim.trim(),
      source: f.source.trim(),
      date: kind === 'clause' ? '' : f.date.trim(),
      share: f.share === 'yes' ? true : f.share === 'no' ? false : '',
      number: kind === 'benchmark' ? num(f.number) : '',
      unit: kind === 'benchmark' ? f.unit.trim() : '',
    });
  }
  return { kind, title: f.title.trim(), item, tags };
}

function Input({ id, label, value, set, wide, type = 'text' }: { id: string; label: string; value: string; set: (v: string) => void; wide?: boolean; type?: string }) {
  return (
    <div class={`field${wide ? ' wide' : ''}`}>
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </div>
  );
}

function Select({ id, label, value, set, options }: { id: string; label: string; value: string; set: (v: string) => void; options: [string, string][] }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/** Adds an item, or edits `editing` (PUT with If-Match: its version). */
function ItemForm({ editing, onDone, onCancel }: { editing: any | null; onDone: (text: string) => void; onCancel: () => void }) {
  const [f, setF] = useState<Form>(() => (editing ? formOf(editing) : blankForm('evidence')));
  const [error, setError] = useState<string[]>([]);
  const set = (key: string) => (v: string) => setF((old) => ({ ...old, [key]: v }));
  const kind = f.kind as Kind;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = JSON.stringify(toBody(f, editing));
    const a = editing
      ? await request('PUT', `/api/library/${editing.id}`, body, { 'If-Match': String(editing.version) })
      : await request('POST', '/api/library', body);
    if (a.ok) {
      setError([]);
      onDone(editing ? `Saved “${a.body.title}” as version ${a.body.version}.` : `Added “${a.body.title}” to the library.`);
    } else {
      setError(a.status === 409 ? ['Not saved: someone changed this item since you opened it; cancel and edit it again.'] : problems(a));
    }
  };
  return (
    <form class="library-form" aria-labelledby="h-library-form" onSubmit={submit}>
      <h3 id="h-library-form">{editing ? `Edit “${editing.title}”` : 'Add an item to the library'}</h3>
      <div class="fields">
        <Select id="lf-kind" label="Kind of item" value={f.kind} set={(v) => setF((old) => ({ ...blankForm(v as Kind), title: old.title, tags: old.tags, id: old.id, claim: old.claim, source: old.source }))} options={KINDS.map((k) => [k, k])} />
        <Input id="lf-title" label="Title" value={f.title} set={set('title')} />
        <Input id="lf-tags" label="Tags (comma-separated)" value={f.tags} set={set('tags')} />
        <Input id="lf-id" label={kind === 'tradeable' ? 'Issue id' : 'Id (in a case)'} value={f.id} set={set('id')} />
        {kind === 'evidence' || kind === 'benchmark' ? (
          <>
            <Select id="lf-ekind" label="Evidence kind" value={f.ekind} set={set('ekind')} options={[['', '(other)'], ...EVIDENCE_KINDS.map((k): [string, string] => [k, k])]} />
            <Input id="lf-claim" label="Claim" value={f.claim} set={set('claim')} wide />
            <Input id="lf-source" label="Source" value={f.source} set={set('source')} />
            <Input id="lf-date" label="Date (YYYY-MM-DD)" value={f.date} set={set('date')} />
            <Select id="lf-share" label="May be shown to the other side" value={f.share} set={set('share')} options={[['', '(default)'], ['yes', 'yes'], ['no', 'no']]} />
          </>
        ) : null}
        {kind === 'benchmark' ? (
          <>
            <Input id="lf-number" label="Figure" value={f.number} set={set('number')} />
            <Input id="lf-unit" label="Unit" value={f.unit} set={set('unit')} />
          </>
        ) : null}
        {kind === 'clause' ? (
          <>
            <div class="field wide">
              <label for="lf-claim">Clause text</label>
              <textarea id="lf-claim" rows={4} value={f.claim} onInput={(e) => set('claim')((e.target as HTMLTextAreaElement).value)} />
            </div>
            <Input id="lf-source" label="Source" value={f.source} set={set('source')} />
          </>
        ) : null}
        {kind === 'tradeable' ? (
          <>
            <Input id="lf-name" label="Issue name" value={f.name} set={set('name')} />
            <Select id="lf-type" label="Values" value={f.type} set={set('type')} options={[['options', 'options'], ['number', 'a number range']]} />
            {f.type === 'options' ? (
              <Input id="lf-options" label="Options (comma-separated)" value={f.options} set={set('options')} wide />
            ) : (
              <>
                <Input id="lf-min" label="From" value={f.min} set={set('min')} />
                <Input id="lf-max" label="To" value={f.max} set={set('max')} />
                <Input id="lf-step" label="Step" value={f.step} set={set('step')} />
                <Input id="lf-unit" label="Unit" value={f.unit} set={set('unit')} />
              </>
            )}
            <Input id="lf-cost" label="What it costs us" value={f.cost} set={set('cost')} wide />
            <Input id="lf-worth" label="What it is worth to them" value={f.worth} set={set('worth')} wide />
          </>
        ) : null}
      </div>
      {error.length ? (
        <ul class="diags" role="alert">
          {error.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" class="primary">
        {editing ? 'Save the item' : 'Add to the library'}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** The case the library is opened from: insertion and harvest need it saved, with no unsaved edits. */
export interface LibraryCase {
  id: number;
  version: number;
  dirty: boolean;
  /** Loads the case's latest version (after an insertion, or when it changed). */
  reload: () => Promise<void> | void;
}

type Note = { kind: 'ok' | 'error'; text: string; suggested?: { item: any; id: string }; stale?: boolean };

export function LibraryView({ forCase }: { forCase?: LibraryCase | null }) {
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<any[] | null>(null);
  const [listError, setListError] = useState<string[]>([]);
  const [form, setForm] = useState<{ editing: any | null } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [note, setNote] = useState<Note | null>(null);

  const search = async (k = kind, text = q) => {
    const query = new URLSearchParams({ ...(k ? { kind: k } : {}), ...(text.trim() ? { q: text.trim() } : {}) }).toString();
    const a = await request('GET', `/api/library${query ? '?' + query : ''}`);
    if (a.ok) {
      setItems(a.body.items);
      setListError([]);
    } else setListError(problems(a));
  };
  useEffect(() => {
    search();
  }, []);

  const insert = async (it: any, newId?: string) => {
    if (!forCase) return;
    const query = new URLSearchParams({ item: String(it.id), ...(newId ? { id: newId } : {}) }).toString();
    const a = await request('POST', `/api/cases/${forCase.id}/insert?${query}`, '', { 'If-Match': String(forCase.version) });
    if (a.ok) {
      await forCase.reload();
      setNote({ kind: 'ok', text: `Inserted “${it.title}”${newId ? ` as ${newId}` : ''}: the case is now at version ${a.body.version}.` });
      return;
    }
    const messages = problems(a);
    if (a.status === 409) return setNote({ kind: 'error', text: `Not inserted: the case changed since you opened it (${messages.join(' ')}).`, stale: true });
    const suggested = a.status === 422 ? messages.join(' ').match(/\?id=([^)\s]+)\)/)?.[1] : undefined;
    setNote({ kind: 'error', text: `Not inserted: ${messages.join(' ')}`, suggested: suggested ? { item: it, id: suggested } : undefined });
  };

  const harvest = async () => {
    if (!forCase) return;
    const a = await request('POST', `/api/library/from-case/${forCase.id}`, '');
    if (!a.ok) return setNote({ kind: 'error', text: `Nothing saved: ${problems(a).join(' ')}` });
    const added: any[] = a.body.items ?? [];
    const skipped: string[] = a.body.skipped ?? [];
    setNote({
      kind: 'ok',
      text: `Saved this case's evidence to the library: ${added.length} added, ${skipped.length} skipped (already there${skipped.length ? `: ${skipped.join(', ')}` : ''}).`,
    });
    search();
  };

  const remove = async (it: any) => {
    const a = await request('DELETE', `/api/library/${it.id}`);
    setDeleting(null);
    setNote(a.ok ? { kind: 'ok', text: `Deleted “${it.title}” from the library.` } : { kind: 'error', text: `Not deleted: ${problems(a).join(' ')}` });
    search();
  };

  const caseReady = forCase && !forCase.dirty;
  return (
    <div class="view library" data-testid="library">
      <p class="note">
        The team's library is shared by every case: evidence, benchmarks, tradeables and clauses kept from one negotiation to the next.
      </p>
      {forCase ? (
        <div class="toolbar">
          {forCase.dirty ? <p class="note">Save your edits to the case first: inserting and harvesting work on its saved version.</p> : null}
          <button type="button" disabled={!caseReady} onClick={harvest}>
            Save this case's evidence to the library
          </button>
        </div>
      ) : forCase === null ? (
        <p class="note">Save the case to insert items into it or to save its evidence to the library.</p>
      ) : null}
      {note ? (
        <div class={`message ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'} data-testid="library-message">
          <p>{note.text}</p>
          {note.suggested ? (
            <button type="button" onClick={() => insert(note.suggested!.item, note.suggested!.id)}>
              Insert it as {note.suggested.id}
            </button>
          ) : null}
          {note.stale && forCase ? (
            <button
              type="button"
              onClick={async () => {
                await forCase.reload();
                setNote(null);
              }}
            >
              Reload the case
            </button>
          ) : null}
        </div>
      ) : null}
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <label for="lib-kind">Kind</label>
        <select
          id="lib-kind"
          value={kind}
          onChange={(e) => {
            const k = (e.target as HTMLSelectElement).value;
            setKind(k);
            search(k);
          }}
        >
          <option value="">all kinds</option>
          {KINDS.map((k) => (
            <option value={k}>{k}</option>
          ))}
        </select>
        <label for="lib-q">Search title, claim or tags</label>
        <input id="lib-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        <button type="submit">Search</button>
        {form ? null : (
          <button type="button" class="primary" onClick={() => setForm({ editing: null })}>
            Add an item
          </button>
        )}
      </form>
      {form ? (
        <ItemForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          onCancel={() => setForm(null)}
          onDone={(text) => {
            setForm(null);
            setNote({ kind: 'ok', text });
            search();
          }}
        />
      ) : null}
      {listError.length ? (
        <ul class="diags" role="alert">
          {listError.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      ) : null}
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p data-testid="library-empty">No item {kind || q.trim() ? 'matches' : 'in the library yet'}.</p>
      ) : (
        <table data-testid="library-items">
          <caption>
            {items.length} item{items.length > 1 ? 's' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">title</th>
              <th scope="col">kind</th>
              <th scope="col">tags</th>
              <th scope="col">claim or note</th>
              <th scope="col">actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <tr data-testid={`library-item-${it.id}`}>
                <th scope="row">{it.title}</th>
                <td>{it.kind}</td>
                <td>{(it.tags ?? []).join(', ')}</td>
                <td>{it.kind === 'tradeable'
                    ? [it.item?.cost_to_us ? `costs us: ${it.item.cost_to_us}` : '', it.item?.worth_to_them ? `worth to them: ${it.item.worth_to_them}` : ''].filter((t) => t).join('; ')
                    : it.item?.claim}</td>
                <td>
                  {forCase ? (
                    <button type="button" disabled={!caseReady} onClick={() => insert(it)} aria-label={`Insert “${it.title}” into this case`}>
                      Insert into this case
                    </button>
                  ) : null}{' '}
                  <button type="button" onClick={() => setForm({ editing: it })} aria-label={`Edit “${it.title}”`}>
                    Edit
                  </button>{' '}
                  {deleting === it.id ? (
                    <>
                      <button type="button" onClick={() => remove(it)}>
                        Delete “{it.title}” for good
                      </button>{' '}
                      <button type="button" onClick={() => setDeleting(null)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setDeleting(it.id)} aria-label={`Delete “${it.title}”`}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

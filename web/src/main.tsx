// The Parley workbench: a case list, the case editor and the views of the analysis, every figure
// from parley serve's API (docs/serve.md, "The web page").
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onInFlight, onUnauthorized, problems, request, run, setToken, token } from './api';
import { Brief } from './brief';
import { DealSpace } from './deals';
import { blankCase, CaseEditor } from './editor';
import { Edit, fieldId, type Diagnostic } from './fields';
import { setFormatCase } from './format';
import { pruneEmpty, setIn, writeCase } from './paths';
import { PowerView } from './power';
import { LibraryView } from './library';
import { NextView } from './next';
import { RehearseView } from './rehearse';
import { StakeholdersView } from './stakeholders';
import { Versions } from './versions';
import './style.css';

type Tab = 'edit' | 'power' | 'deals' | 'brief' | 'rehearse' | 'next' | 'stakeholders' | 'library' | 'versions';
const TABS: [Tab, string][] = [
  ['edit', 'Case'],
  ['power', 'Power'],
  ['deals', 'Deal space'],
  ['brief', 'Brief'],
  ['rehearse', 'Rehearsal'],
  ['next', 'Next move'],
  ['stakeholders', 'Stakeholders'],
  ['library', 'Library'],
  ['versions', 'Versions'],
];
const COMMAND: Partial<Record<Tab, string>> = { power: 'power', deals: 'frontier', brief: 'plan' };

/** Shows a progress bar while any request has been in flight for over a second. */
function Progress() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    return onInFlight((n) => {
      if (n > 0 && timer === undefined) timer = window.setTimeout(() => setShown(true), 1000);
      if (n === 0) {
        window.clearTimeout(timer);
        timer = undefined;
        setShown(false);
      }
    });
  }, []);
  return shown ? (
    <div class="progress" role="status" aria-live="polite">
      <span class="bar" /> Working…
    </div>
  ) : null;
}

function CaseList({ onOpen, onNew, onLibrary }: { onOpen: (id: number) => void; onNew: () => void; onLibrary: () => void }) {
  const [cases, setCases] = useState<any[] | null>(null);
  const [error, setError] = useState<string[]>([]);
  useEffect(() => {
    request('GET', '/api/cases').then((a) => (a.ok ? setCases(a.body.cases) : setError(problems(a))));
  }, []);
  return (
    <main class="list">
      <div class="toolbar">
        <h2>Cases</h2>
        <button type="button" class="primary" onClick={onNew}>
          New case
        </button>
        <button type="button" onClick={onLibrary}>
          Library
        </button>
      </div>
      {error.length ? <ul class="diags" role="alert">{error.map((m) => <li>{m}</li>)}</ul> : null}
      {cases === null ? (
        <p>Loading…</p>
      ) : cases.length === 0 ? (
        <p>No case saved yet: start a new one.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">case</th>
              <th scope="col">version</th>
              <th scope="col">last saved</th>
              <th scope="col">by</th>
              <th scope="col">change</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr>
                <td>
                  <button type="button" class="link" onClick={() => onOpen(c.id)}>
                    {c.title || `case ${c.id}`}
                  </button>
                </td>
                <td>{c.version}</td>
                <td>{c.saved_at}</td>
                <td>{c.author}</td>
                <td>{c.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** The field a diagnostic is about. Its line gives the path; a key that is missing is reported at
 * its object, so when the message names a key (`step`) that has a field of its own in the form,
 * the diagnostic goes to that field. */
function fieldOf(message: string, path: string): string {
  for (const m of message.matchAll(/`([a-z_]+)`/g)) {
    const candidate = path ? `${path}.${m[1]}` : m[1];
    if (document.getElementById(fieldId(candidate))) return candidate;
  }
  return path;
}

interface Conflict {
  mine: number;
  latest: number | null;
}

function Workbench({ initialId, onClose }: { initialId: number | null; onClose: () => void }) {
  const [doc, setDoc] = useState<any>(initialId === null ? blankCase() : null);
  const [caseId, setCaseId] = useState<number | null>(initialId);
  const [version, setVersion] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [diags, setDiags] = useState<Diagnostic[]>([]);
  const [checked, setChecked] = useState(false);
  const [tab, setTab] = useState<Tab>('edit');
  const [results, setResults] = useState<Record<string, { text: string; answer: any; error?: string[] }>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [author, setAuthor] = useState(() => localStorage.getItem('parley.author') ?? '');
  const checkSeq = useRef(0);

  const written = useMemo(() => {
    if (doc) setFormatCase(doc);
    return doc ? writeCase(doc) : null;
  }, [doc]);
  const names = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of Array.isArray(doc?.parties) ? doc.parties : []) out[p.id] = p.name || p.id;
    return out;
  }, [doc]);

  const load = async (id: number) => {
    const a = await request('GET', `/api/cases/${id}`);
    if (!a.ok) return setMessage({ kind: 'error', text: problems(a).join(' ') });
    setDoc(a.body.case);
    setCaseId(a.body.id);
    setVersion(a.body.version);
    setDirty(false);
    setConflict(null);
  };
  useEffect(() => {
    if (initialId !== null) load(initialId);
  }, [initialId]);

  // Validate as the user types: POST /api/run/check 400 ms after the last edit.
  useEffect(() => {
    if (!written) return;
    const seq = ++checkSeq.current;
    const timer = window.setTimeout(async () => {
      const a = await run('check', written.text);
      if (seq !== checkSeq.current) return;
      const file = a.body?.files?.[0];
      const list: any[] = file?.diagnostics ?? [];
      setDiags(list.map((d) => ({ ...d, path: fieldOf(d.message, written.lineToPath[d.line - 1] ?? '') })));
      if (!file && !a.ok) setMessage({ kind: 'error', text: problems(a).join(' ') });
      setChecked(true);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [written]);

  // Run the tab's analyses when it is shown and the case changed since (the deal space also marks
  // the predicted deal, from the power analysis).
  useEffect(() => {
    const commands = [COMMAND[tab], tab === 'deals' ? 'power' : undefined].filter((c): c is string => !!c);
    if (!written) return;
    let live = true;
    for (const command of commands) {
      if (results[command]?.text === written.text) continue;
      run(command, written.text).then((a) => {
        if (!live) return;
        setResults((r) => ({ ...r, [command]: { text: written.text, answer: a.ok ? a.body : null, error: a.ok ? undefined : problems(a) } }));
      });
    }
    return () => {
      live = false;
    };
  }, [tab, written]);

  const edit = {
    doc: doc ?? {},
    set: (path: string, value: any) => {
      setDoc((d: any) => (value === undefined ? pruneEmpty(setIn(d, path, value), path) : setIn(d, path, value)));
      setDirty(true);
    },
    replace: (f: (d: any) => any) => {
      setDoc((d: any) => f(d));
      setDirty(true);
    },
    diagsAt: (path: string) => diags.filter((d) => d.path === path),
  };

  const save = async (over?: number) => {
    if (!written) return;
    const headers: Record<string, string> = author ? { 'X-Parley-Author': author } : {};
    const base = over ?? version;
    const a =
      caseId === null
        ? await request('POST', '/api/cases', written.text, headers)
        : await request('PUT', `/api/cases/${caseId}`, written.text, { ...headers, 'If-Match': String(base) });
    if (a.ok) {
      setCaseId(a.body.id);
      setVersion(a.body.version);
      setDirty(false);
      setConflict(null);
      history.replaceState(null, '', `#case/${a.body.id}`);
      setMessage({ kind: 'ok', text: `Saved as version ${a.body.version} of case ${a.body.id}.` });
      return;
    }
    if (a.status === 409 && caseId !== null) {
      const latest = await request('GET', `/api/cases/${caseId}`);
      setConflict({ mine: version ?? 0, latest: latest.ok ? latest.body.version : null });
      setMessage(null);
      return;
    }
    setMessage({
      kind: 'error',
      text: a.status === 422 ? 'Not saved: the case has errors; fix the fields marked below first.' : `Not saved: ${problems(a).join(' ')}`,
    });
  };

  if (!doc || !written) return <main><p>Loading…</p></main>;
  const errors = diags.filter((d) => d.severity !== 'warning');
  const result = COMMAND[tab] ? results[COMMAND[tab]!] : undefined;
  const current = result && result.text === written.text;

  return (
    <main class="workbench">
      <div class="toolbar">
        <button type="button" onClick={onClose}>
          ← All cases
        </button>
        <h2>{doc.title || 'Untitled case'}</h2>
        <span class="meta" data-testid="version">
          {caseId === null ? 'not saved yet' : `case ${caseId}, version ${version}`}
          {dirty ? ' (edited)' : ''}
        </span>
        <label for="author">Your name</label>
        <input
          id="author"
          type="text"
          size={12}
          value={author}
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            setAuthor(v);
            localStorage.setItem('parley.author', v);
          }}
        />
        <button type="button" class="primary" onClick={() => save()}>
          Save
        </button>
      </div>
      {message ? (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="message">
          {message.text}
        </p>
      ) : null}
      {conflict ? (
        <div class="message error conflict" role="alert" data-testid="conflict">
          <p>
            <strong>Not saved: someone else saved this case since you opened it.</strong> You edited version {conflict.mine}; the case is now at
            version {conflict.latest ?? 'a later one'}. Your edits are still here, nothing is lost.
          </p>
          <button type="button" onClick={() => conflict.latest && save(conflict.latest)}>
            Save my edits as the next version anyway
          </button>{' '}
          <button type="button" onClick={() => caseId !== null && load(caseId)}>
            Discard my edits and load version {conflict.latest}
          </button>
        </div>
      ) : null}
      <nav
        class="tabs"
        role="tablist"
        aria-label="Views of the case"
        onKeyDown={(e) => {
          // Left and right arrows move between the views, as in any tab list.
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const open = TABS.map(([t]) => t).filter((t) => t !== 'versions' || caseId !== null);
          const next = open[(open.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : open.length - 1)) % open.length];
          setTab(next);
          document.getElementById(`tab-${next}`)?.focus();
          e.preventDefault();
        }}
      >
        {TABS.map(([t, label]) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="panel"
            tabIndex={tab === t ? 0 : -1}
            disabled={t === 'versions' && caseId === null}
            onClick={() => setTab(t)}
          >
            {label}
            {t === 'edit' && errors.length ? <span class="badge" aria-label={`${errors.length} errors`}>{errors.length}</span> : null}
          </button>
        ))}
      </nav>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'edit' ? (
          <Edit.Provider value={edit}>
            <Summary diags={diags} checked={checked} />
            <CaseEditor />
          </Edit.Provider>
        ) : null}
        {COMMAND[tab] && errors.length ? (
          <p class="message error" role="alert">
            The case has {errors.length} error{errors.length > 1 ? 's' : ''}: fix {errors.length > 1 ? 'them' : 'it'} in the Case tab first.
          </p>
        ) : null}
        {COMMAND[tab] && !errors.length && result?.error ? (
          <ul class="diags" role="alert">{result.error.map((m) => <li>{m}</li>)}</ul>
        ) : null}
        {COMMAND[tab] && !errors.length && !current ? <p aria-live="polite">Computing…</p> : null}
        {tab === 'power' && current && result.answer ? <PowerView power={result.answer} names={names} /> : null}
        {tab === 'deals' && current && result.answer ? <DealSpace
            frontier={result.answer}
            power={results.power?.text === written.text ? results.power.answer : null}
            caseDoc={doc}
            caseText={written.text}
            names={names}
          /> : null}
        {tab === 'brief' && current && result.answer ? (
          <Brief plan={result.answer} caseText={written.text} title={doc.title} names={names} onError={(m) => setMessage({ kind: 'error', text: m })} />
        ) : null}
        {(tab === 'rehearse' || tab === 'next' || tab === 'stakeholders') && errors.length ? (
          <p class="message error" role="alert">
            The case has {errors.length} error{errors.length > 1 ? 's' : ''}: fix {errors.length > 1 ? 'them' : 'it'} in the Case tab first.
          </p>
        ) : null}
        {tab === 'rehearse' && !errors.length ? <RehearseView caseText={written.text} names={names} title={doc.title} /> : null}
        {tab === 'next' && !errors.length ? (
          <NextView
            doc={doc}
            caseText={written.text}
            names={names}
            onAddRound={(round) => edit.replace((d: any) => ({ ...d, rounds: [...(Array.isArray(d.rounds) ? d.rounds : []), round] }))}
          />
        ) : null}
        {tab === 'stakeholders' && !errors.length ? <StakeholdersView doc={doc} caseText={written.text} names={names} /> : null}
        {tab === 'library' ? (
          <LibraryView forCase={caseId !== null && version !== null ? { id: caseId, version, dirty, reload: () => load(caseId) } : null} />
        ) : null}
        {tab === 'versions' && caseId !== null && version !== null ? <Versions id={caseId} latest={version} /> : null}
      </div>
    </main>
  );
}

/** Every diagnostic of the case, each a button to its field. */
function Summary({ diags, checked }: { diags: Diagnostic[]; checked: boolean }) {
  if (!checked) return <p class="summary">Checking…</p>;
  if (diags.length === 0) return <p class="summary ok" data-testid="check-ok">The case is valid.</p>;
  const focus = (path: string) => {
    let p = path;
    while (p) {
      const el = document.getElementById(fieldId(p)) ?? document.querySelector<HTMLElement>(`fieldset[data-path="${p}"]`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        (el.matches('fieldset') ? el.querySelector<HTMLElement>('input,select,textarea') ?? el : el).focus();
        return;
      }
      p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };
  return (
    <div class="summary bad" role="region" aria-label="Problems in the case">
      <p>
        {diags.length} problem{diags.length > 1 ? 's' : ''} in the case:
      </p>
      <ul>
        {diags.map((d) => (
          <li class={d.severity}>
            <button type="button" class="link" onClick={() => focus(d.path)}>
              {d.path || 'the case'}
            </button>
            : {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The case in the address (#case/ID), so that a reload comes back to it. */
function caseInAddress(): { id: number | null } | null {
  const m = location.hash.match(/^#case\/(\d+)$/);
  return m ? { id: Number(m[1]) } : location.hash === '#new' ? { id: null } : null;
}

/** Team mode: asks for the API token when the server answers 401, and keeps it in this browser. */
function TokenForm({ onSaved }: { onSaved: () => void }) {
  const [value, setValue] = useState(token());
  return (
    <form
      class="message error token"
      role="alert"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        onSaved();
      }}
    >
      <p>
        This server keeps its cases for teams{token() ? ', and did not accept the token given' : ''}: enter your API token (the one{' '}
        <code>parley users add</code> printed for you). It is kept in this browser only.
      </p>
      <label for="token">API token</label>{' '}
      <input id="token" type="password" size={40} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />{' '}
      <button type="submit" class="primary">
        Use this token
      </button>
    </form>
  );
}

function App() {
  const [needToken, setNeedToken] = useState(false);
  useEffect(() => onUnauthorized(() => setNeedToken(true)), []);
  const [open, setOpenState] = useState<{ id: number | null } | null>(caseInAddress);
  const setOpen = (o: { id: number | null } | null) => {
    history.replaceState(null, '', o === null ? '#' : o.id === null ? '#new' : `#case/${o.id}`);
    setOpenState(o);
  };
  const [listKey, setListKey] = useState(0);
  const [library, setLibraryState] = useState(() => location.hash === '#library');
  const setLibrary = (shown: boolean) => {
    history.replaceState(null, '', shown ? '#library' : '#');
    setLibraryState(shown);
  };
  return (
    <>
      <header>
        <h1>Parley workbench</h1>
        <Progress />
      </header>
      {needToken ? (
        <main>
          <TokenForm
            onSaved={() => {
              setNeedToken(false);
              setListKey((k) => k + 1);
            }}
          />
        </main>
      ) : null}
      {library && !open ? (
        <main class="list">
          <div class="toolbar">
            <button type="button" onClick={() => setLibrary(false)}>
              ← All cases
            </button>
            <h2>Library</h2>
          </div>
          <LibraryView />
        </main>
      ) : open ? (
        <Workbench
          key={String(open.id)}
          initialId={open.id}
          onClose={() => {
            setOpen(null);
            setListKey((k) => k + 1);
          }}
        />
      ) : (
        <CaseList key={listKey} onOpen={(id) => setOpen({ id })} onNew={() => setOpen({ id: null })} onLibrary={() => setLibrary(true)} />
      )}
    </>
  );
}

render(<App />, document.getElementById('app')!);

// Versions of a saved case (GET /api/cases/ID/versions) and the diff between two
// (GET /api/cases/ID/diff?from=A&to=B), as the store answers them.
import { useEffect, useState } from 'preact/hooks';
import { problems, request } from './api';

export function Versions({ id, latest }: { id: number; latest: number }) {
  const [versions, setVersions] = useState<any[]>([]);
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<any>(null);
  const [error, setError] = useState<string[]>([]);
  useEffect(() => {
    request('GET', `/api/cases/${id}/versions`).then((a) => {
      if (a.ok) setVersions(a.body.versions);
      else setError(problems(a));
    });
    setFrom(Math.max(1, latest - 1));
    setTo(latest);
  }, [id, latest]);
  const compare = async (e: Event) => {
    e.preventDefault();
    const a = await request('GET', `/api/cases/${id}/diff?from=${from}&to=${to}`);
    if (a.ok) {
      setDiff(a.body);
      setError([]);
    } else setError(problems(a));
  };
  return (
    <div class="view versions">
      <table>
        <caption>Every saved version of case {id}</caption>
        <thead>
          <tr>
            <th scope="col">version</th>
            <th scope="col">saved</th>
            <th scope="col">by</th>
            <th scope="col">what changed</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{v.saved_at}</td>
              <td>{v.author}</td>
              <td>{v.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="compare" onSubmit={compare}>
        <label for="diff-from">From version</label>
        <select id="diff-from" value={String(from)} onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}>
          {versions.map((v) => (
            <option value={String(v.version)}>{v.version}</option>
          ))}
        </select>
        <label for="diff-to">to version</label>
        <select id="diff-to" value={String(to)} onChange={(e) => setTo(Number((e.target as HTMLSelectElement).value))}>
          {versions.map((v) => (
            <option value={String(v.version)}>{v.version}</option>
          ))}
        </select>
        <button type="submit">Compare</button>
      </form>
      {error.length ? <ul class="diags" role="alert">{error.map((m) => <li>{m}</li>)}</ul> : null}
      {diff ? (
        <section aria-label={`Changes from version ${diff.from} to ${diff.to}`}>
          <h3>
            Version {diff.from} → {diff.to}
          </h3>
          {diff.lines.some((l: any) => l.op !== ' ') ? null : <p>No change.</p>}
          <pre class="diff" data-testid="diff">
            {diff.lines.map((l: any) => (
              <div class={l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}>
                {l.op} {l.text}
              </div>
            ))}
          </pre>
        </section>
      ) : null}
    </div>
  );
}

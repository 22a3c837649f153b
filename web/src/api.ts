// The one door to parley serve's JSON API (docs/serve.md). Every number the page shows comes
// back through here; the page computes none. Requests in flight are counted so that the page
// can show progress for any that takes over a second.

export interface Answer<T = any> {
  status: number;
  ok: boolean;
  body: T;
  etag: string | null;
}

type Listener = (inFlight: number) => void;

const TOKEN_KEY = 'parley.token';
const unauthorizedListeners = new Set<() => void>();

/** The team's API token (team mode: `parley users add` prints it), kept in this browser. */
export function token(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}
export function setToken(value: string) {
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
}
/** Calls `listener` when an answer is 401: the server wants a (valid) token. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}
let inFlight = 0;
const listeners = new Set<Listener>();

/** Calls `listener` whenever the number of requests in flight changes. */
export function onInFlight(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(delta: number) {
  inFlight += delta;
  listeners.forEach((l) => l(inFlight));
}

/** One request; answers the status and the parsed JSON body (or the text when it is not JSON). */
export async function request<T = any>(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  changed(+1);
  try {
    const auth: Record<string, string> = token() ? { Authorization: `Bearer ${token()}` } : {};
    const res = await fetch(path, {
      method,
      body,
      headers: body === undefined ? { ...auth, ...headers } : { 'Content-Type': 'application/json', ...auth, ...headers },
    });
    if (res.status === 401) unauthorizedListeners.forEach((l) => l());
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, ok: res.ok, body: parsed, etag: res.headers.get('ETag') };
  } catch (e) {
    return {
      status: 0,
      ok: false,
      body: { error: 'network', messages: [`the server did not answer: ${String(e)}`] } as T,
      etag: null,
    };
  } finally {
    changed(-1);
  }
}

/** POST /api/run/COMMAND with the case text and the options as query parameters. */
export function run<T = any>(
  command: string,
  caseText: string,
  options: Record<string, string> = {},
): Promise<Answer<T>> {
  const query = new URLSearchParams(options).toString();
  return request<T>('POST', `/api/run/${command}${query ? '?' + query : ''}`, caseText);
}

/** The messages of a failed answer, for a person: the diagnostics or the error's messages. */
export function problems(answer: Answer): string[] {
  const b = answer.body;
  if (b && Array.isArray(b.messages)) return b.messages;
  if (b && Array.isArray(b.files)) {
    return b.files.flatMap((f: any) => (f.diagnostics ?? []).map((d: any) => d.message));
  }
  return [`HTTP ${answer.status}`];
}

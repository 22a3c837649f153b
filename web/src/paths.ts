// Field paths (`parties[0].batna.value`, the form the API's pitfalls use) and the JSON text of a
// case written so that each line starts at exactly one path: a diagnostic's line then names the
// field it is about.

export type Key = string | number;

/** `parties[0].batna.value` -> ['parties', 0, 'batna', 'value']. */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const part of path.split('.')) {
    if (!part) continue;
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (!m) {
      keys.push(part);
      continue;
    }
    if (m[1]) keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/** The path of `keys`, the inverse of parsePath. */
export function joinPath(keys: Key[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${k}` : k;
  }
  return out;
}

export function getIn(doc: any, path: string): any {
  let v = doc;
  for (const k of parsePath(path)) {
    if (v === null || v === undefined) return undefined;
    v = v[k as any];
  }
  return v;
}

/** A copy of `doc` with the value at `path` set (or removed when `value` is undefined). */
export function setIn(doc: any, path: string, value: any): any {
  const keys = parsePath(path);
  const go = (node: any, i: number): any => {
    const k = keys[i];
    const base = node ?? (typeof k === 'number' ? [] : {});
    const copy: any = Array.isArray(base) ? [...base] : { ...base };
    if (i === keys.length - 1) {
      if (value === undefined) {
        if (Array.isArray(copy)) copy.splice(k as number, 1);
        else delete copy[k];
      } else {
        copy[k] = value;
      }
      return copy;
    }
    copy[k] = go(base[k], i + 1);
    return copy;
  };
  return go(doc, 0);
}

/** After a key at `path` was removed: removes each enclosing map left empty (`costs: {}`,
 * `floors.acme.price: {}`), up to the first that is not, never an element of a list. */
export function pruneEmpty(doc: any, path: string): any {
  let keys = parsePath(path);
  let out = doc;
  while (keys.length > 1) {
    keys = keys.slice(0, -1);
    if (typeof keys[keys.length - 1] === 'number') break;
    const parent = joinPath(keys);
    const v = getIn(out, parent);
    if (!v || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length > 0) break;
    out = setIn(out, parent, undefined);
  }
  return out;
}

export interface CaseText {
  text: string;
  /** lineToPath[i] is the path of what starts on line i + 1 of `text`. */
  lineToPath: string[];
}

/** The case as JSON with one value per line, and the path each line starts. */
export function writeCase(doc: any): CaseText {
  const lines: string[] = [];
  const lineToPath: string[] = [];
  const emit = (keys: Key[], indent: string, prefix: string, value: any, comma: string) => {
    const path = joinPath(keys);
    if (value !== null && typeof value === 'object') {
      const isArray = Array.isArray(value);
      const entries: [Key, any][] = isArray
        ? value.map((v: any, i: number) => [i, v])
        : Object.entries(value);
      if (entries.length === 0) {
        lines.push(`${indent}${prefix}${isArray ? '[]' : '{}'}${comma}`);
        lineToPath.push(path);
        return;
      }
      lines.push(`${indent}${prefix}${isArray ? '[' : '{'}`);
      lineToPath.push(path);
      entries.forEach(([k, v], i) => {
        const p = isArray ? '' : `${JSON.stringify(k)}: `;
        emit([...keys, k], indent + '  ', p, v, i + 1 < entries.length ? ',' : '');
      });
      lines.push(`${indent}${isArray ? ']' : '}'}${comma}`);
      lineToPath.push(path);
      return;
    }
    lines.push(`${indent}${prefix}${JSON.stringify(value === undefined ? null : value)}${comma}`);
    lineToPath.push(path);
  };
  emit([], '', '', doc, '');
  return { text: lines.join('\n') + '\n', lineToPath };
}

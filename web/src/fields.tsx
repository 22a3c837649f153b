// Form fields bound to a path of the case being edited. Each has a label, and shows the
// diagnostics the API's check gave for its path right under it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { getIn } from './paths';

export interface Diagnostic {
  path: string;
  severity: string;
  message: string;
  hint: string;
  line: number;
  column: number;
}

export interface EditContext {
  doc: any;
  set: (path: string, value: any) => void;
  /** Replaces the whole case with f(case), for edits that touch several fields. */
  replace: (f: (doc: any) => any) => void;
  diagsAt: (path: string) => Diagnostic[];
}

export const Edit = createContext<EditContext>({
  doc: {},
  set: () => {},
  replace: () => {},
  diagsAt: () => [],
});

/** A DOM id for the field at `path`. */
export function fieldId(path: string): string {
  return 'f-' + path.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** The diagnostics of exactly `path`, as an alert list (empty: nothing rendered). */
export function Diags({ path }: { path: string }) {
  const { diagsAt } = useContext(Edit);
  const list = diagsAt(path);
  if (list.length === 0) return null;
  return (
    <ul class="diags" id={'d-' + fieldId(path)} data-path={path} role="alert">
      {list.map((d) => (
        <li class={d.severity}>
          <strong>{d.severity}:</strong> {d.message}
          {d.hint ? <span class="hint"> ({d.hint})</span> : null}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  path: string;
  label: string;
  help?: string;
  wide?: boolean;
}

function Shell(props: FieldProps & { children: ComponentChildren }) {
  const { diagsAt } = useContext(Edit);
  const bad = diagsAt(props.path).some((d) => d.severity !== 'warning');
  return (
    <div class={`field${props.wide ? ' wide' : ''}${bad ? ' invalid' : ''}`}>
      <label for={fieldId(props.path)}>{props.label}</label>
      {props.children}
      {props.help ? <small>{props.help}</small> : null}
      <Diags path={props.path} />
    </div>
  );
}

function described(path: string, diagsAt: EditContext['diagsAt']) {
  return diagsAt(path).length ? 'd-' + fieldId(path) : undefined;
}

/** Text; empty removes the key. */
export function TextField(props: FieldProps & { multiline?: boolean; placeholder?: string }) {
  const { doc, set, diagsAt } = useContext(Edit);
  const value = getIn(doc, props.path);
  const onInput = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    set(props.path, v === '' ? undefined : v);
  };
  const common = {
    id: fieldId(props.path),
    name: props.path,
    value: value === undefined || value === null ? '' : String(value),
    onInput,
    placeholder: props.placeholder,
    'aria-describedby': described(props.path, diagsAt),
    'aria-invalid': diagsAt(props.path).length > 0,
  };
  return (
    <Shell {...props}>{props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}</Shell>
  );
}

/** A number; text that is not a number is sent as typed, so the check names the mistake. */
export function NumberField(props: FieldProps & { placeholder?: string }) {
  const { doc, set, diagsAt } = useContext(Edit);
  const value = getIn(doc, props.path);
  const onInput = (e: Event) => {
    const raw = (e.target as HTMLInputElement).value.trim();
    if (raw === '') return set(props.path, undefined);
    const n = Number(raw.replace(/,/g, ''));
    set(props.path, /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?$/i.test(raw) && Number.isFinite(n) ? n : raw);
  };
  return (
    <Shell {...props}>
      <input
        type="text"
        inputMode="decimal"
        id={fieldId(props.path)}
        name={props.path}
        value={value === undefined || value === null ? '' : String(value)}
        onInput={onInput}
        placeholder={props.placeholder}
        aria-describedby={described(props.path, diagsAt)}
        aria-invalid={diagsAt(props.path).length > 0}
      />
    </Shell>
  );
}

/** One of `options`; the empty choice ('' label `none`) removes the key. */
export function SelectField(
  props: FieldProps & {
    options: string[];
    none?: string;
    onChange?: (v: string) => void;
    value?: string;
    labels?: Record<string, string>;
  },
) {
  const { doc, set, diagsAt } = useContext(Edit);
  const value = props.value ?? getIn(doc, props.path);
  const onChange = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    if (props.onChange) props.onChange(v);
    else set(props.path, v === '' ? undefined : v);
  };
  return (
    <Shell {...props}>
      <select
        id={fieldId(props.path)}
        name={props.path}
        value={value === undefined ? '' : String(value)}
        onChange={onChange}
        aria-describedby={described(props.path, diagsAt)}
      >
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {props.options.map((o) => (
          <option value={o}>{props.labels?.[o] ?? o}</option>
        ))}
      </select>
    </Shell>
  );
}

/** A list of text written comma-separated; empty removes the key. */
export function ListField(props: FieldProps & { placeholder?: string }) {
  const { doc, set, diagsAt } = useContext(Edit);
  const value = getIn(doc, props.path);
  const shown = Array.isArray(value) ? value.join(', ') : '';
  const onChange = (e: Event) => {
    const parts = (e.target as HTMLInputElement).value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s);
    set(props.path, parts.length ? parts : undefined);
  };
  return (
    <Shell {...props}>
      <input
        type="text"
        id={fieldId(props.path)}
        name={props.path}
        value={shown}
        onChange={onChange}
        placeholder={props.placeholder ?? 'comma-separated'}
        aria-describedby={described(props.path, diagsAt)}
      />
    </Shell>
  );
}

/** A yes/no that may also be left unstated (the format's default then applies). */
export function YesNoField(props: FieldProps & { none: string }) {
  const { doc, set } = useContext(Edit);
  const value = getIn(doc, props.path);
  return (
    <SelectField
      {...props}
      options={['yes', 'no']}
      value={value === true ? 'yes' : value === false ? 'no' : ''}
      onChange={(v) => set(props.path, v === '' ? undefined : v === 'yes')}
    />
  );
}

/** A boolean; unchecked removes the key. */
export function CheckField(props: FieldProps) {
  const { doc, set } = useContext(Edit);
  const value = getIn(doc, props.path);
  return (
    <div class="field check">
      <input
        type="checkbox"
        id={fieldId(props.path)}
        checked={value === true}
        onChange={(e) => set(props.path, (e.target as HTMLInputElement).checked ? true : undefined)}
      />
      <label for={fieldId(props.path)}>{props.label}</label>
      <Diags path={props.path} />
    </div>
  );
}

/** A titled group of fields with the diagnostics of the object itself. */
export function Group(props: {
  path: string;
  title: ComponentChildren;
  children: ComponentChildren;
  onRemove?: () => void;
  removeLabel?: string;
}) {
  return (
    <fieldset class="group" data-path={props.path}>
      <legend>{props.title}</legend>
      <Diags path={props.path} />
      <div class="fields">{props.children}</div>
      {props.onRemove ? (
        <button type="button" class="remove" onClick={props.onRemove}>
          {props.removeLabel ?? 'Remove'}
        </button>
      ) : null}
    </fieldset>
  );
}

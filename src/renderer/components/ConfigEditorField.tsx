// One field of the configuration editor: label (with the API's own name), input, a one-line hint and its error.
// Numbers are text inputs on purpose: "abc" must reach the form's validation to be explained, not be swallowed.
import { FIELD_KINDS, type FieldName } from '../lib/config-form';

export interface FieldSpec {
  name: FieldName;
  label: string;
  /** What the field does, in MediaTailor terms. */
  hint: string;
  placeholder?: string;
  /** What "not set" means for a select (MediaTailor's default). */
  unsetLabel?: string;
  /** Spans the whole row (URLs, JSON, tags). */
  wide?: boolean;
}

interface Props {
  spec: FieldSpec;
  value: string;
  /** Shown only once the field was touched or holds something (an untouched empty form is not all red). */
  error: string | undefined;
  readOnly?: boolean;
  /** Overrides the hint (e.g. why Name is read-only). */
  hint?: string;
  onChange(name: FieldName, value: string): void;
  onBlur(name: FieldName): void;
}

const TRISTATE = [
  ['true', 'Enabled'],
  ['false', 'Disabled'],
] as const;

export function ConfigEditorField({ spec, value, error, readOnly = false, hint, onChange, onBlur }: Props) {
  const { name } = spec;
  const def = FIELD_KINDS[name];
  const id = `config-editor-${name}`;
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
  const common = {
    id,
    name,
    value,
    'data-testid': `config-field-${name}`,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    onBlur: () => onBlur(name),
  } as const;

  let input;
  if (def.kind === 'enum' || def.kind === 'tristate') {
    const options: readonly (readonly [string, string])[] =
      def.kind === 'tristate' ? TRISTATE : (def as { options: readonly string[] }).options.map((o) => [o, o] as const);
    // A stored value the schema no longer offers still shows (and fails validation) instead of vanishing.
    const unknown = value !== '' && !options.some(([v]) => v === value);
    input = (
      <select {...common} disabled={readOnly} onChange={(e) => onChange(name, e.target.value)}>
        <option value="">{spec.unsetLabel ?? '(not set)'}</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
        {unknown && <option value={value}>{value}</option>}
      </select>
    );
  } else if (def.kind === 'json' || def.kind === 'tags') {
    input = (
      <textarea
        {...common}
        className="mono"
        rows={def.kind === 'json' ? 5 : 3}
        spellCheck={false}
        placeholder={spec.placeholder}
        readOnly={readOnly}
        onChange={(e) => onChange(name, e.target.value)}
      />
    );
  } else {
    input = (
      <input
        {...common}
        type={def.kind === 'url' ? 'url' : 'text'}
        className={def.kind === 'text' && name !== 'Name' ? undefined : 'mono'}
        inputMode={def.kind === 'int' ? 'numeric' : undefined}
        spellCheck={false}
        autoComplete="off"
        placeholder={spec.placeholder}
        readOnly={readOnly}
        onChange={(e) => onChange(name, e.target.value)}
      />
    );
  }

  return (
    <div className={`config-editor-field${spec.wide ? ' wide' : ''}`} data-invalid={error ? true : undefined}>
      <label htmlFor={id}>
        {spec.label} <code>{name}</code>
      </label>
      {input}
      <p id={`${id}-hint`} className="config-editor-hint">
        {hint ?? spec.hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="config-editor-error" data-testid={`config-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

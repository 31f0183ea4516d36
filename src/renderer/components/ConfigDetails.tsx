// The selected configuration's key URLs, read-only for now (editing comes later).
import { selectedConfiguration, useEngine } from '../store/engine';

export function ConfigDetails() {
  const config = useEngine(selectedConfiguration);
  if (!config) return null;

  const rows: [string, string | undefined][] = [
    ['VideoContentSourceUrl', config.VideoContentSourceUrl],
    ['AdDecisionServerUrl', config.AdDecisionServerUrl],
  ];
  return (
    <dl className="config-details" data-testid="config-details">
      {rows.map(([label, value]) => (
        <div key={label} className="config-field">
          <dt>{label}</dt>
          <dd>
            <input type="text" readOnly value={value ?? ''} placeholder="(not set)" aria-label={label} data-testid={`config-field-${label}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

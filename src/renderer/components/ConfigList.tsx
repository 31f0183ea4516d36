// Playback configurations by name; the demo one is the default and marked so.
import { defaultConfigName, useEngine } from '../store/engine';

export function ConfigList() {
  const configurations = useEngine((s) => s.configurations);
  const selected = useEngine((s) => s.selectedConfigName);
  const select = useEngine((s) => s.selectConfig);
  const defaultName = useEngine((s) => defaultConfigName(s.catalog));

  if (configurations.length === 0) return <p className="empty">No configurations yet.</p>;
  return (
    <ul className="item-list" data-testid="config-list">
      {configurations.map((c) => (
        <li key={c.Name}>
          <button
            type="button"
            className="list-item"
            data-testid={`config-${c.Name}`}
            aria-pressed={c.Name === selected}
            onClick={() => select(c.Name)}
          >
            <span className="item-name">{c.Name}</span>
            {c.Name === defaultName && <span className="badge badge-default">default</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

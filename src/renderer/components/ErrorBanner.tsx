// Request failures and player give-ups, newest first; each can be dismissed.
import { useErrors } from '../store/errors';

export function ErrorBanner() {
  const errors = useErrors((s) => s.errors);
  const dismiss = useErrors((s) => s.dismiss);
  const dismissAll = useErrors((s) => s.dismissAll);
  if (errors.length === 0) return null;

  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <ul>
        {errors.map((e) => (
          <li key={e.key} data-error-key={e.key}>
            <span className="error-message">{e.message}</span>
            {e.count > 1 && <span className="error-count">×{e.count}</span>}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(e.key)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {errors.length > 1 && (
        <button type="button" className="text-button" onClick={dismissAll}>
          Dismiss all
        </button>
      )}
    </div>
  );
}

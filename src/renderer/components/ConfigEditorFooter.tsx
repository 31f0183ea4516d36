// The editor's action row: what still blocks saving, the server's error, Save / Cancel, in edit mode a Delete that
// asks first (for the demo configuration it says the engine recreates it on next start), and the question before
// unsaved changes are discarded.
import { useEffect, useRef, useState } from 'react';

interface Props {
  name: string;
  canDelete: boolean;
  isDemo: boolean;
  canSave: boolean;
  busy: 'saving' | 'deleting' | null;
  /** Labels of fields that still have errors, to explain a disabled Save. */
  blocking: string[];
  serverError: string | null;
  onCancel(): void;
  /** Closing was asked for with unsaved changes. */
  discarding: boolean;
  onKeepEditing(): void;
  onDiscard(): void;
  onDelete(): void;
}

export function ConfigEditorFooter({ name, canDelete, isDemo, canSave, busy, blocking, serverError, onCancel, discarding, onKeepEditing, onDiscard, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The safe choice takes focus, so a stray Enter does not delete or discard.
  useEffect(() => {
    if (confirming || discarding) keepRef.current?.focus();
  }, [confirming, discarding]);

  return (
    <footer className="config-editor-footer">
      {serverError && (
        <p className="config-editor-server-error" role="alert" data-testid="config-editor-server-error">
          {serverError}
        </p>
      )}
      {discarding ? (
        <div className="config-editor-confirm" role="alertdialog" aria-labelledby="config-editor-discard-text" data-testid="config-editor-discard">
          <p id="config-editor-discard-text">Discard your unsaved changes?</p>
          <button type="button" className="text-button danger" data-testid="config-editor-discard-confirm" onClick={onDiscard}>
            Discard
          </button>
          <button ref={keepRef} type="button" className="text-button" onClick={onKeepEditing}>
            Keep editing
          </button>
        </div>
      ) : confirming ? (
        <div className="config-editor-confirm" role="alertdialog" aria-labelledby="config-editor-confirm-text">
          <p id="config-editor-confirm-text">
            Delete “{name}”? New sessions can no longer use it.
            {isDemo && ' It is the default demo configuration: the engine recreates it with its default settings on next start.'}
          </p>
          <button type="button" className="text-button danger" data-testid="config-editor-delete-confirm" disabled={busy !== null} onClick={onDelete}>
            {busy === 'deleting' ? 'Deleting…' : 'Delete'}
          </button>
          <button ref={keepRef} type="button" className="text-button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="config-editor-actions">
          {canDelete && (
            <button type="button" className="text-button danger" data-testid="config-editor-delete" disabled={busy !== null} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
          <span className="config-editor-blocking" aria-live="polite">
            {blocking.length > 0 && `To fix: ${blocking.join(', ')}`}
          </span>
          <button type="button" className="text-button" data-testid="config-editor-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="text-button primary" data-testid="config-editor-save" disabled={!canSave}>
            {busy === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </footer>
  );
}

// Create, edit or duplicate a playback configuration in a modal <dialog> over MediaTailor's fields. Escape or
// Cancel closes (asking first when there are unsaved changes); Save PUTs the whole configuration (what the form
// does not know is sent back as stored).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FIELD_NAMES, type FieldName } from '../lib/config-form';
import '../styles/config-editor.css';
import { useConfigDraft, type EditorMode } from './ConfigEditorDraft';
import { ConfigEditorFooter } from './ConfigEditorFooter';
import { ConfigEditorSections, SECTIONS } from './ConfigEditorSections';

export interface ConfigEditorProps {
  mode: EditorMode;
  /** The configuration to edit or duplicate. */
  name?: string;
  onClose(): void;
  onSaved(name: string): void;
}

const TITLES: Record<EditorMode, string> = {
  create: 'New playback configuration',
  edit: 'Edit playback configuration',
  duplicate: 'Duplicate playback configuration',
};

const LABELS = new Map(SECTIONS.flatMap((s) => s.fields.map((f) => [f.name, f.label] as const)));

export function ConfigEditor({ mode, name, onClose, onSaved }: ConfigEditorProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const draft = useConfigDraft(mode, name);
  const ready = draft.form !== null;
  const [discarding, setDiscarding] = useState(false);
  /** Escape, × and Cancel: unsaved changes are never dropped without asking. */
  const requestClose = () => {
    if (draft.busy) return;
    if (draft.dirty) setDiscarding(true);
    else onClose();
  };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Focus goes back where it was (the button that opened the editor) when the editor goes away.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  // Once the fields exist: the first one the user can change takes focus.
  useEffect(() => {
    if (!ready) return;
    dialogRef.current?.querySelector<HTMLElement>('.config-editor-body :is(input, select, textarea):not([readonly])')?.focus();
  }, [ready]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await draft.save();
    if (saved !== null) onSaved(saved);
  };
  const onDelete = async () => {
    if (await draft.remove()) onClose();
  };

  const blocking = ready && !draft.valid ? FIELD_NAMES.filter((f) => draft.errors[f]).map((f: FieldName) => LABELS.get(f) ?? f) : [];
  if (draft.errors._form) blocking.push('other fields');
  const titleId = 'config-editor-title';

  return (
    <dialog
      ref={dialogRef}
      className="config-editor"
      data-testid="config-editor"
      data-mode={mode}
      aria-labelledby={titleId}
      aria-busy={!ready || draft.busy !== null}
      // Native Escape: close through the owner, so it unmounts us; while asking about unsaved changes, Escape keeps editing.
      onCancel={(e) => {
        e.preventDefault();
        if (discarding) setDiscarding(false);
        else requestClose();
      }}
      // The bench's single-key shortcuts (r, s, t…) must not fire while this dialog has the keyboard.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form className="config-editor-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <header className="config-editor-head">
          <h2 id={titleId}>
            {TITLES[mode]}
            {name && mode !== 'create' && <span className="config-editor-subject mono"> {name}</span>}
          </h2>
          <button type="button" className="icon-button" aria-label="Close without saving" onClick={requestClose}>
            ×
          </button>
        </header>
        <div className="config-editor-body">
          {draft.loadError ? (
            <p className="config-editor-server-error" role="alert">
              Could not load “{name}”: {draft.loadError}
            </p>
          ) : !draft.form ? (
            <p className="config-editor-loading">Loading “{name}”…</p>
          ) : (
            <>
              {draft.shown._form && (
                <p className="config-editor-server-error" role="alert" data-testid="config-error-_form">
                  {draft.shown._form}
                </p>
              )}
              <ConfigEditorSections form={draft.form} errors={draft.shown} readOnlyName={mode === 'edit'} onChange={draft.setField} onBlur={draft.touch} />
            </>
          )}
        </div>
        <ConfigEditorFooter
          name={name ?? ''}
          canDelete={mode === 'edit' && ready}
          isDemo={draft.isDemo}
          canSave={ready && draft.valid && draft.busy === null}
          busy={draft.busy}
          blocking={blocking}
          serverError={draft.serverError}
          onCancel={requestClose}
          discarding={discarding}
          onKeepEditing={() => setDiscarding(false)}
          onDiscard={onClose}
          onDelete={() => void onDelete()}
        />
      </form>
    </dialog>
  );
}

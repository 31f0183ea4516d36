// New / Edit / Duplicate for playback configurations: opens the editor on the selected one and, once saved,
// selects what was saved (after the list has been re-read, or the store would fall back to the default).
import { useState } from 'react';
import { loadConfigurations } from '../services/catalog-loader';
import { useEngine } from '../store/engine';
import { ConfigEditor } from './ConfigEditor';
import type { EditorMode } from './ConfigEditorDraft';

async function selectWhenListed(name: string): Promise<void> {
  const listed = () => useEngine.getState().configurations.some((c) => c.Name === name);
  // A load already in flight (a poll, the config.changed event) may predate the PUT: then read once more.
  await loadConfigurations();
  if (!listed()) await loadConfigurations();
  if (listed()) useEngine.getState().selectConfig(name);
}

export function ConfigActions() {
  const selected = useEngine((s) => s.selectedConfigName);
  const [editor, setEditor] = useState<{ mode: EditorMode; name?: string } | null>(null);

  const open = (mode: EditorMode) => setEditor(mode === 'create' || !selected ? { mode: 'create' } : { mode, name: selected });

  return (
    <div className="config-actions" role="group" aria-label="Playback configuration actions">
      <button type="button" className="text-button" data-testid="config-new" onClick={() => open('create')}>
        New
      </button>
      <button
        type="button"
        className="text-button"
        data-testid="config-edit"
        disabled={!selected}
        title={selected ? `Edit "${selected}"` : 'Select a configuration first'}
        onClick={() => open('edit')}
      >
        Edit
      </button>
      <button
        type="button"
        className="text-button"
        data-testid="config-duplicate"
        disabled={!selected}
        title={selected ? `Save a copy of "${selected}" under a new name` : 'Select a configuration first'}
        onClick={() => open('duplicate')}
      >
        Duplicate
      </button>
      {editor && (
        <ConfigEditor
          key={`${editor.mode}:${editor.name ?? ''}`}
          mode={editor.mode}
          name={editor.name}
          onClose={() => setEditor(null)}
          onSaved={(name) => {
            setEditor(null);
            void selectWhenListed(name);
          }}
        />
      )}
    </div>
  );
}

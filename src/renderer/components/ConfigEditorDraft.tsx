// The editor's state, apart from its looks: loads the configuration (fresh from GET, the list may be stale),
// holds the draft, validates it on every change, saves (PUT) and deletes. A failed save keeps the draft as typed.
import { useEffect, useMemo, useState } from 'react';
import { deletePlaybackConfiguration, fetchPlaybackConfiguration, putPlaybackConfiguration } from '../api/configs';
import { bodyOf, duplicateForm, formOf, isDemoConfiguration, type ConfigForm, type FieldName, type FormErrors } from '../lib/config-form';
import { loadConfigurations } from '../services/catalog-loader';
import { useEngine } from '../store/engine';

export type EditorMode = 'create' | 'edit' | 'duplicate';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useConfigDraft(mode: EditorMode, name: string | undefined) {
  const needsLoad = mode !== 'create' && name !== undefined;
  const [form, setForm] = useState<ConfigForm | null>(needsLoad ? null : formOf(null));
  /** The form as loaded: unsaved changes are what differs from it. */
  const [initial, setInitial] = useState<ConfigForm | null>(form);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [isDemo, setIsDemo] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [busy, setBusy] = useState<'saving' | 'deleting' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const existing = useEngine((s) => s.configurations);

  useEffect(() => {
    if (!needsLoad || name === undefined) return;
    const abort = new AbortController();
    fetchPlaybackConfiguration(name, abort.signal).then(
      (config) => {
        const loaded = formOf(config);
        const start = mode === 'duplicate' ? duplicateForm(loaded) : loaded;
        setForm(start);
        setInitial(start);
        setIsDemo(mode === 'edit' && isDemoConfiguration(config));
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoadError(messageOf(err));
      },
    );
    return () => abort.abort();
  }, [needsLoad, mode, name]);

  const result = useMemo(() => (form ? bodyOf(form) : null), [form]);
  const dirty = useMemo(() => form !== null && initial !== null && JSON.stringify(form) !== JSON.stringify(initial), [form, initial]);
  const errors: FormErrors = useMemo(() => {
    const all: FormErrors = result && !result.ok ? { ...result.errors } : {};
    // PUT overwrites silently: a new configuration must not replace an existing one by accident.
    if (form && mode !== 'edit' && !all.Name && existing.some((c) => c.Name === form.Name.trim())) {
      all.Name = `"${form.Name.trim()}" already exists: edit it, or choose another name`;
    }
    return all;
  }, [result, form, mode, existing]);

  // An untouched empty field is not shouted at; Save stays disabled and the footer says why.
  const shown: FormErrors = {};
  for (const [field, message] of Object.entries(errors) as [FieldName | '_form', string][]) {
    if (field === '_form' || touched.has(field) || (form && form[field] !== '')) shown[field] = message;
  }

  const setField = (field: FieldName, value: string) => {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  };
  const touch = (field: FieldName) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));

  const valid = result?.ok === true && Object.keys(errors).length === 0;

  /** PUTs the draft; resolves to the saved name, or null when it failed (the message is in serverError). */
  const save = async (): Promise<string | null> => {
    if (!result?.ok || !valid || busy) return null;
    setBusy('saving');
    setServerError(null);
    try {
      return (await putPlaybackConfiguration(result.body)).Name;
    } catch (err) {
      setServerError(messageOf(err));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const remove = async (): Promise<boolean> => {
    if (!name || busy) return false;
    setBusy('deleting');
    setServerError(null);
    try {
      await deletePlaybackConfiguration(name);
      await loadConfigurations();
      return true;
    } catch (err) {
      setServerError(messageOf(err));
      return false;
    } finally {
      setBusy(null);
    }
  };

  return { form, loadError, isDemo, errors, shown, valid, dirty, busy, serverError, setField, touch, save, remove };
}

// Page-URL switches, read once at start: ?asset=<id> picks the first asset, ?config=<name> the configuration,
// ?autoplay=0 stops autoplay, ?panel=<id> the panel tab. The session setup's own keys are in store/setup.ts.

const params = new URLSearchParams(location.search);

export const requestedAssetId: string | null = params.get('asset');

export const requestedConfigName: string | null = params.get('config');

export const autoplayEnabled: boolean = params.get('autoplay') !== '0';


/** The panel tab named by ?panel=, when it is one of `ids`. */
export function initialPanel<T extends string>(ids: readonly T[]): T | undefined {
  const p = params.get('panel');
  return ids.find((id) => id === p);
}

/** Keep `name=value` in the page URL (no reload, no history entry): the URL is the permalink. */
export function setUrlParam(name: string, value: string | null): void {
  const url = new URL(location.href);
  if (value === null || value === '') url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

export function rememberPanel(panel: string): void {
  setUrlParam('panel', panel);
}

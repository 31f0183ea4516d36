// The playback configuration editor against the real engine: create a configuration from the sidebar, see a
// bad value refused under its field, fix and save it (the server has it), then delete it.
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { PlaybackConfiguration } from '../../src/shared/playback-config.js';
import { baseUrl } from '../support/playback.js';

const NAME = 'e2e-cfg';

async function getConfig(request: APIRequestContext, name: string): Promise<{ status: number; body?: PlaybackConfiguration }> {
  const res = await request.get(`${baseUrl()}/playbackConfiguration/${name}`);
  return res.ok() ? { status: res.status(), body: (await res.json()) as PlaybackConfiguration } : { status: res.status() };
}

test('configuration editor: New → Save lists it; a bad threshold is refused; Edit → Save stores it; Delete removes it', async ({ page, request }) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The e2e data directory outlives runs: start without a leftover from an interrupted one.
  await request.delete(`${baseUrl()}/playbackConfiguration/${NAME}`);
  const demo = (await getConfig(request, 'demo')).body!;

  await page.goto(`${baseUrl()}/?asset=vod-hls-ts`);
  const list = page.getByTestId('config-list');
  await expect(list.getByTestId('config-demo')).toBeVisible();
  const editor = page.getByTestId('config-editor');

  // Escape closes the dialog without saving.
  await page.getByTestId('config-new').click();
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('config-field-Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  // Unsaved changes are not dropped without asking: Escape asks, Keep editing keeps them, Discard closes.
  await page.getByTestId('config-new').click();
  await editor.getByTestId('config-field-Name').fill('typed-but-not-saved');
  await page.keyboard.press('Escape');
  const discard = editor.getByTestId('config-editor-discard');
  await expect(discard).toContainText('Discard your unsaved changes?');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(editor.getByTestId('config-field-Name')).toHaveValue('typed-but-not-saved');
  await editor.getByTestId('config-editor-cancel').click();
  await editor.getByTestId('config-editor-discard-confirm').click();
  await expect(editor).toBeHidden();

  // New: a name, content and ADS URLs are enough.
  await page.getByTestId('config-new').click();
  await expect(editor).toBeVisible();
  const save = editor.getByTestId('config-editor-save');
  await expect(save).toBeDisabled();
  await editor.getByTestId('config-field-Name').fill(NAME);
  await editor.getByTestId('config-field-VideoContentSourceUrl').fill(demo.VideoContentSourceUrl!);
  await editor.getByTestId('config-field-AdDecisionServerUrl').fill(demo.AdDecisionServerUrl!);
  await expect(save).toBeEnabled();
  await save.click();
  await expect(editor).toBeHidden();
  const item = list.getByTestId(`config-${NAME}`);
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  expect((await getConfig(request, NAME)).body).toMatchObject({ Name: NAME, AdDecisionServerUrl: demo.AdDecisionServerUrl });

  // Edit: Name is read-only; "abc" is refused under its field and Save stays disabled until it is fixed.
  await page.getByTestId('config-edit').click();
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('config-field-Name')).toHaveValue(NAME);
  await expect(editor.getByTestId('config-field-Name')).not.toBeEditable();
  const threshold = editor.getByTestId('config-field-PersonalizationThresholdSeconds');
  await threshold.fill('abc');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByTestId('config-error-PersonalizationThresholdSeconds')).toHaveText(/must be a number/);
  await expect(save).toBeDisabled();
  await threshold.fill('7');
  await expect(editor.getByTestId('config-error-PersonalizationThresholdSeconds')).toHaveCount(0);
  await expect(save).toBeEnabled();
  await save.click();
  await expect(editor).toBeHidden();
  await expect.poll(async () => (await getConfig(request, NAME)).body?.PersonalizationThresholdSeconds).toBe(7);
  // PUT replaced the whole configuration: what was there before is still there.
  expect((await getConfig(request, NAME)).body?.VideoContentSourceUrl).toBe(demo.VideoContentSourceUrl);

  // Delete asks first, then the configuration is gone from the server and the list.
  await page.getByTestId('config-edit').click();
  await expect(editor).toBeVisible();
  await editor.getByTestId('config-editor-delete').click();
  await expect(editor.getByRole('alertdialog')).toContainText(`Delete “${NAME}”?`);
  await editor.getByTestId('config-editor-delete-confirm').click();
  await expect(editor).toBeHidden();
  await expect(item).toHaveCount(0);
  expect((await getConfig(request, NAME)).status).toBe(404);
  await expect(list.getByTestId('config-demo')).toHaveAttribute('aria-pressed', 'true');
  expect(pageErrors).toEqual([]);
});

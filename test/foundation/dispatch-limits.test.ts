/**
 * The dispatcher's bounds: a call that never finishes is stopped (its signal aborted) and answered
 * `interrupted`; an answer over the cap is refused; a known key never leaves in an answer or an error;
 * a thrown Node error reaches the caller as a typed message without its raw text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setCallTimeoutForTests } from '../../src-main/ipc/call-limits.js';
import { createDispatcher, type Handlers } from '../../src-main/ipc/handle.js';
import { rememberSecret } from '../../src-main/secrets/known-secrets.js';
import { appError } from '../../src-main/errors.js';

afterEach(() => setCallTimeoutForTests(null));

const dispatcherWith = (handlers: Partial<Record<string, (input: unknown, ctx: { signal?: AbortSignal }) => unknown>>, logs: string[] = []) =>
  createDispatcher(handlers as unknown as Handlers, (line) => logs.push(line));

describe('dispatcher bounds', () => {
  it('stops a call that outlives its bound and answers interrupted', async () => {
    setCallTimeoutForTests(50);
    let aborted = false;
    const dispatch = dispatcherWith({
      'project.list': (_input, ctx) =>
        new Promise(() => {
          ctx.signal?.addEventListener('abort', () => (aborted = true));
        }),
    });
    const result = await dispatch('project.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'interrupted', message: expect.stringMatching(/^project\.list did not finish within 50 ms and was stopped/), key: 'ipc.timedOut', values: { channel: 'project.list', limit: '50 ms' } } });
    expect(aborted).toBe(true);
  });

  it('refuses an answer over the cap', async () => {
    const dispatch = dispatcherWith({ 'narration.previewAudio': () => ({ mime: 'audio/wav', dataBase64: 'A'.repeat(49 * 1024 * 1024), duration: 1 }) });
    expect(await dispatch('narration.previewAudio', { jobId: 'j' })).toEqual({ ok: false, error: { code: 'unsupported', message: 'The answer to narration.previewAudio is too large to send (51 MB).', key: 'ipc.answerTooLarge', values: { channel: 'narration.previewAudio', mb: 51 } } });
  });

  it('scrubs known keys from answers and errors, and maps Node errors to typed messages', async () => {
    const key = 'sk-dispatch-0123456789abcdef';
    rememberSecret(key);
    const logs: string[] = [];
    const dispatch = dispatcherWith(
      {
        'settings.get': () => ({ uiLanguage: 'en', theme: 'dark', defaultPreset: '9:16', defaultFps: 30, defaultWordsPerMinute: 170, defaultLanguage: 'en', defaultImageModel: key, creditCap: 1, exportDir: null }),
        'project.list': () => {
          throw Object.assign(new Error(`ENOTDIR: not a directory, open '/etc/passwd/project.json' ${key}`), { code: 'ENOTDIR', path: '/etc/passwd/project.json' });
        },
        'templates.list': () => {
          throw new TypeError(`cannot read ${key}`);
        },
        // A key that reached a message's values (a file named after it) is scrubbed there too.
        'project.open': () => {
          throw appError('not_found', 'import.notFound', { name: `${key}.mp4` });
        },
      },
      logs,
    );
    expect(JSON.stringify(await dispatch('settings.get', {}))).not.toContain(key);
    expect(await dispatch('project.list', {})).toEqual({ ok: false, error: { code: 'invalid_input', message: 'A part of the path is a file, not a folder ("project.json").', key: 'error.partIsFile', values: { where: ' ("project.json")' } } });
    expect(await dispatch('templates.list', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Something unexpected went wrong; the details are in the log.', key: 'error.unexpected' } });
    const named = await dispatch('project.open', { id: 'x' });
    expect(named).toMatchObject({ ok: false, error: { code: 'not_found', key: 'import.notFound' } });
    expect(JSON.stringify(named)).not.toContain(key);
    expect(logs.join('\n')).toMatch(/TypeError/);
  });
});

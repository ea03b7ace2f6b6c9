import { useEffect, useRef, useState } from 'react';
import { NumberInput } from '../../app/NumberInput.js';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { documentStore } from '../../state/document/index.js';

type Template = CallOutput<'templates.list'>[number];

/** "What if...?" templates: pick one, adjust the premise and scene count, fill the storyboard. */
export function TemplatePicker({ projectId, sceneCount, onError }: { projectId: string; sceneCount: number; onError(message: string | null): void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [premise, setPremise] = useState('');
  const [count, setCount] = useState(5);
  const [busy, setBusy] = useState(false);
  // What the user typed wins over a template's defaults that arrive later (the list loads
  // asynchronously: a count typed before it came back used to be reset to the template's).
  const edited = useRef({ premise: false, count: false });
  const selectedId = useRef('');

  /** Shows a template; its premise and scene count fill the fields unless the user typed their own. */
  function show(template: Template, pickedByUser: boolean): void {
    if (pickedByUser) edited.current = { premise: false, count: false };
    selectedId.current = template.id;
    setTemplateId(template.id);
    if (!edited.current.premise) setPremise(template.premise);
    if (!edited.current.count) setCount(template.sceneCount);
  }

  useEffect(() => {
    invoke('templates.list', { language }).then(
      (list) => {
        setTemplates(list);
        const current = list.find((x) => x.id === selectedId.current) ?? list[0];
        if (current) show(current, false);
      },
      (e: unknown) => onError(errorText(e)),
    );
  }, [language, onError]);
  const chosen = templates.find((x) => x.id === templateId);

  async function apply() {
    setBusy(true);
    onError(null);
    try {
      await documentStore.getState().saveNow();
      await invoke('templates.apply', { projectId, templateId, premise: premise.trim() || undefined, sceneCount: count, language });
      await documentStore.getState().refresh();
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="template-picker card" open={sceneCount === 0}>
      <summary>{t('storyboard.templates')}</summary>
      <div className="template-fields">
        <label className="field">
          <span>{t('storyboard.template')}</span>
          <select
            value={templateId}
            onChange={(e) => {
              const picked = templates.find((x) => x.id === e.target.value);
              if (picked) show(picked, true);
            }}
          >
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('storyboard.premise')}</span>
          <input
            value={premise}
            onChange={(e) => {
              edited.current.premise = true;
              setPremise(e.target.value);
            }}
          />
        </label>
        <label className="field narrow">
          <span>{t('storyboard.sceneCount')}</span>
          <NumberInput
            label={t('storyboard.sceneCount')}
            value={count}
            min={1}
            max={30}
            integer
            onCommit={(value) => {
              edited.current.count = true;
              setCount(value);
            }}
          />
        </label>
        <button type="button" className="primary" disabled={busy || !templateId} onClick={() => void apply()}>
          {t('storyboard.applyTemplate')}
        </button>
      </div>
      {chosen && <p className="muted small">{chosen.description}</p>}
      {sceneCount > 0 && <p className="muted small">{t('storyboard.applyReplaces', { count: sceneCount })}</p>}
    </details>
  );
}

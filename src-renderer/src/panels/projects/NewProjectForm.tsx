import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t.js';

export function NewProjectForm(props: { onCreate(name: string): Promise<boolean>; onCancel(): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    const created = await props.onCreate(name.trim());
    setBusy(false);
    if (created) setName('');
  }

  return (
    <form className="card new-project" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}>
      <label>
        <span>{t('projects.name')}</span>
        <input autoFocus value={name} maxLength={200} placeholder={t('projects.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!name.trim() || busy}>
          {t('projects.create')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('projects.cancel')}
        </button>
      </div>
    </form>
  );
}

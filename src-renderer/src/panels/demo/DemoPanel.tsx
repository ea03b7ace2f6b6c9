import { useState } from 'react';
import { invoke } from '../../ipc/client.js';
import { useT } from '../../i18n/use-t.js';
import { errorText, useAppStore } from '../../state/app-store.js';

/** One click: a copy of the bundled sample project, opened on the timeline, ready to play and export. */
export function DemoPanel() {
  const t = useT();
  const [busy, setBusy] = useState(false);

  async function openDemo() {
    const store = useAppStore.getState();
    setBusy(true);
    try {
      const summary = await invoke('project.createDemo', {});
      await store.refreshProjects();
      store.toast('success', t('demo.opened'));
      // Ready to play and export: the timeline has the preview and the Export button.
      store.openProject(summary.id, 'timeline');
    } catch (error) {
      store.toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="demo-heading">
      <header className="panel-header">
        <h1 id="demo-heading">{t('demo.heading')}</h1>
      </header>
      <p className="intro">{t('demo.body')}</p>
      <button type="button" className="primary big" disabled={busy} onClick={() => void openDemo()}>
        {t('demo.open')}
      </button>
    </section>
  );
}

/**
 * Over the preview, while a video on screen has no preview copy yet (the core is making one of a file
 * the preview cannot play, proxy-source.ts): "Preparing preview…" and which file, instead of black.
 * Re-renders only when what it says changes, not on every frame the playhead moves.
 */
import { useT } from '../i18n/use-t.js';
import { useDocument } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { proxyNoticeAt } from './proxy-source.js';

export function ProxyNotice() {
  const t = useT();
  const doc = useDocument((s) => s.doc);
  const notice = useTimeline((s) => {
    const found = proxyNoticeAt(doc, s.playhead);
    return found ? `${found.status}\n${found.name}` : null;
  });
  if (!notice) return null;
  const [status, name] = notice.split('\n') as ['making' | 'failed', string];
  return (
    <div className="proxy-notice" role="status">
      <strong>{t(status === 'making' ? 'pv.proxy.making' : 'pv.proxy.failed')}</strong>
      <span>{t(status === 'making' ? 'pv.proxy.makingOf' : 'pv.proxy.failedOf', { name })}</span>
    </div>
  );
}

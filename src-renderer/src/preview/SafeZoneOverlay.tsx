/**
 * The parts of a vertical frame that Shorts, TikTok and Reels cover with their own buttons and text,
 * shaded over the preview (their margins at 1080x1920: src-main/media/text/bounds.ts), and a warning
 * for every text or caption that crosses the chosen one.
 */
import { SAFE_ZONES_1080, safeZoneIssues } from '../../../src-main/media/text/bounds.js';
import { useT } from '../i18n/use-t.js';
import { useDocument } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';

export function SafeZoneOverlay() {
  const zone = useTimeline((s) => s.safeZone);
  const t = useT();
  if (zone === 'none') return null;
  const z = SAFE_ZONES_1080[zone];
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  const top = pct(z.top, 1920);
  const bottom = pct(z.bottom, 1920);
  return (
    <div className="safe-zone" aria-label={t('pv.safeZoneShown', { name: t(`pv.zone.${zone}`) })} role="img">
      <div className="sz-shade" style={{ top: 0, left: 0, right: 0, height: top }} />
      <div className="sz-shade" style={{ bottom: 0, left: 0, right: 0, height: bottom }} />
      <div className="sz-shade" style={{ top, bottom, right: 0, width: pct(z.right, 1080) }} />
      <div className="sz-shade" style={{ top, bottom, left: 0, width: pct(z.left, 1080) }} />
      <div className="sz-safe" style={{ top, bottom, left: pct(z.left, 1080), right: pct(z.right, 1080) }} />
    </div>
  );
}

const MAX_SHOWN = 4;

/** The warnings under the preview: texts and captions the chosen platform would cover. */
export function SafeZoneWarnings() {
  const zone = useTimeline((s) => s.safeZone);
  const t = useT();
  const doc = useDocument((s) => s.doc);
  if (zone === 'none' || !doc) return null;
  const issues = safeZoneIssues(doc, zone);
  if (issues.length === 0) return null;
  const name = t(`pv.zone.${zone}`);
  const short = (text: string) => (text.length > 32 ? `${text.slice(0, 31)}…` : text).replace(/\s+/g, ' ');
  return (
    <div className="sz-warnings" role="alert" aria-label={t('sz.warnings', { zone: name })}>
      <ul>
        {issues.slice(0, MAX_SHOWN).map((issue) => {
          const sides = issue.sides.map((s) => t(`sz.side.${s}`)).join(', ');
          return (
            <li key={issue.id}>
              <button type="button" className="link" onClick={() => useTimeline.getState().select(issue.id)}>
                {issue.kind === 'text' ? t('sz.text', { text: short(issue.text), zone: name, sides }) : t('sz.caption', { n: issue.n, text: short(issue.text), zone: name, sides })}
              </button>
            </li>
          );
        })}
        {issues.length > MAX_SHOWN && <li>{t('sz.more', { count: issues.length - MAX_SHOWN })}</li>}
      </ul>
    </div>
  );
}

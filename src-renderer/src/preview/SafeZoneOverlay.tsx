/**
 * The parts of a vertical frame that Shorts, TikTok and Reels cover with their own buttons and text,
 * shaded over the preview (fractions of the frame; approximate, from the platforms' safe-zone guides).
 */
import { useT } from '../i18n/use-t.js';
import { useTimeline, type SafeZone } from '../timeline/timeline-store.js';

export const SAFE_ZONES: Record<Exclude<SafeZone, 'none'>, { top: number; bottom: number; right: number; left: number }> = {
  shorts: { top: 0.15, bottom: 0.2, right: 0.15, left: 0.05 },
  tiktok: { top: 0.1, bottom: 0.2, right: 0.16, left: 0.05 },
  reels: { top: 0.14, bottom: 0.22, right: 0.14, left: 0.05 },
};

export function SafeZoneOverlay() {
  const zone = useTimeline((s) => s.safeZone);
  const t = useT();
  if (zone === 'none') return null;
  const z = SAFE_ZONES[zone];
  const pct = (v: number) => `${v * 100}%`;
  return (
    <div className="safe-zone" aria-label={t('pv.safeZoneShown', { name: t(`pv.zone.${zone}`) })} role="img">
      <div className="sz-shade" style={{ top: 0, left: 0, right: 0, height: pct(z.top) }} />
      <div className="sz-shade" style={{ bottom: 0, left: 0, right: 0, height: pct(z.bottom) }} />
      <div className="sz-shade" style={{ top: pct(z.top), bottom: pct(z.bottom), right: 0, width: pct(z.right) }} />
      <div className="sz-shade" style={{ top: pct(z.top), bottom: pct(z.bottom), left: 0, width: pct(z.left) }} />
      <div className="sz-safe" style={{ top: pct(z.top), bottom: pct(z.bottom), left: pct(z.left), right: pct(z.right) }} />
    </div>
  );
}

/** The note shown while the scenes are in another order than the narration was made for (state/document/narration-order.ts). */
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { useDocument } from '../../state/document/index.js';
import { narrationOutOfOrder, useNarrationOrder } from '../../state/document/narration-order.js';

export function NarrationOrderNote() {
  const t = useT();
  const narratedOrder = useNarrationOrder((s) => s.narratedOrder);
  const out = useDocument((s) => narrationOutOfOrder(narratedOrder, s.doc));
  if (!out) return null;
  return (
    <div className="narration-order-note" role="note">
      <p>{t('storyboard.narrationOrder')}</p>
      <button type="button" onClick={() => useAppStore.getState().navigate('voice')}>
        {t('storyboard.narrateAgain')}
      </button>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t.js';
import { SHORTCUT_GROUPS } from './shortcuts.js';
import './help.css';

/**
 * The keyboard-shortcut sheet, opened with "?" or the sidebar button; Esc, the button or a click
 * outside closes it. A modal <dialog>: focus stays inside while it is open and returns where it was.
 */
export function HelpSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    closeRef.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sheet"
      aria-labelledby="help-heading"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Should the browser close it by itself (a repeated Escape skips "cancel"), the app follows.
      onClose={onClose}
      // The sheet's content fills the dialog: a click on the dialog itself is on the backdrop.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="sheet-body">
        <header className="panel-header">
          <h1 id="help-heading">{t('help.heading')}</h1>
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </header>
        <div className="help-groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-label={t(group.title)}>
              <h2>{t(group.title)}</h2>
              <dl>
                {group.items.map((item) => (
                  <div key={item.what} className="help-row">
                    <dt>
                      {item.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && (item.either ? ' / ' : ' + ')}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{t(item.what)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </dialog>
  );
}

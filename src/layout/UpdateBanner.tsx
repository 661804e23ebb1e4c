/**
 * The service worker's two messages: the book is ready to be read offline, and a new version is waiting. The
 * reader decides when to reload; what they saved (runs, agents, predictions in IndexedDB and localStorage) stays.
 */
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { addNotice } from '@/lib/notices';

export function UpdateBanner() {
  const [update, setUpdate] = useState<null | ((reload?: boolean) => Promise<void>)>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const updateSW = registerSW({
      onNeedRefresh: () => setUpdate(() => updateSW),
      onOfflineReady: () =>
        addNotice('The whole book is now saved in this browser: it works offline.', 'info'),
      onRegisterError: () =>
        addNotice('This browser did not allow the book to save itself for offline reading.', 'info'),
    });
  }, []);
  if (!update) return null;
  return (
    <div className="notices update-banner" role="status" data-testid="update-banner">
      <div className="notice notice-info">
        <span>A new version of the book is available. Your saved runs and agents are kept.</span>
        <button type="button" className="btn btn-small" onClick={() => void update(true)}>
          Reload
        </button>
        <button type="button" className="btn btn-small" onClick={() => setUpdate(null)} aria-label="Later">
          Later
        </button>
      </div>
    </div>
  );
}

/** Shows page notices (URL values that were corrected, backends that fell back), each dismissible. */
import { useNotices } from '@/lib/notices';

export function NoticeBanner() {
  const { notices, dismiss } = useNotices();
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          <span>{n.text}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => dismiss(n.id)}
            aria-label="Dismiss notice"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

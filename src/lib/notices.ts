/**
 * Page-level notices: short messages about something the page changed on the reader's behalf (a URL value clamped,
 * a backend that fell back). The layout shows them in a dismissible banner.
 */
import { create } from 'zustand';

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'warning';
}

interface NoticeState {
  notices: Notice[];
  /** Shows `text` (once: the same text again is the same notice); returns the notice's id, for `dismiss`. */
  add: (text: string, tone?: Notice['tone']) => number;
  dismiss: (id: number) => void;
}

let next = 1;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  add: (text, tone = 'warning') => {
    const shown = get().notices.find((n) => n.text === text);
    if (shown) return shown.id;
    const id = next++;
    set((s) => ({ notices: [...s.notices, { id, text, tone }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export const addNotice = (text: string, tone?: Notice['tone']) => useNotices.getState().add(text, tone);

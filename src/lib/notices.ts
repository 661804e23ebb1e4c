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
  add: (text: string, tone?: Notice['tone']) => void;
  dismiss: (id: number) => void;
}

let next = 1;

export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  add: (text, tone = 'warning') =>
    set((s) =>
      s.notices.some((n) => n.text === text) ? s : { notices: [...s.notices, { id: next++, text, tone }] },
    ),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export const addNotice = (text: string, tone?: Notice['tone']) => useNotices.getState().add(text, tone);

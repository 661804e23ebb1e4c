/**
 * Presenter mode: larger type, navigation hidden; toggled by a button or the key `p` (the header, src/layout). It
 * lives here so widgets can follow it too (a prediction's reveal waits for a key in presenter mode).
 */
import { create } from 'zustand';

interface PresenterState {
  on: boolean;
  toggle: () => void;
}

export const usePresenter = create<PresenterState>((set) => ({
  on: false,
  toggle: () =>
    set((s) => {
      const on = !s.on;
      document.documentElement.classList.toggle('presenter', on);
      return { on };
    }),
}));

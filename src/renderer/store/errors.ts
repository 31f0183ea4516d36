// Failed requests and player problems the user should see, shown in the dismissible banner.
// Keyed so a repeating failure (a poll every 2 s) shows once with a count instead of piling up,
// and so the code that reported it can withdraw it once the problem is gone.
import { create } from 'zustand';

export interface AppError {
  key: string;
  message: string;
  count: number;
  at: number;
}

interface ErrorsState {
  errors: AppError[];
  report(key: string, message: string): void;
  resolve(key: string): void;
  dismiss(key: string): void;
  dismissAll(): void;
}

const MAX_ERRORS = 8;

export const useErrors = create<ErrorsState>()((set) => ({
  errors: [],
  report: (key, message) =>
    set(({ errors }) => {
      const existing = errors.find((e) => e.key === key);
      const next: AppError = { key, message, count: (existing?.count ?? 0) + 1, at: Date.now() };
      return { errors: [next, ...errors.filter((e) => e.key !== key)].slice(0, MAX_ERRORS) };
    }),
  resolve: (key) => set(({ errors }) => (errors.some((e) => e.key === key) ? { errors: errors.filter((e) => e.key !== key) } : {})),
  dismiss: (key) => set(({ errors }) => ({ errors: errors.filter((e) => e.key !== key) })),
  dismissAll: () => set({ errors: [] }),
}));

/** For non-React code (pollers, player engines). */
export const reportError = (key: string, message: string) => useErrors.getState().report(key, message);
export const resolveError = (key: string) => useErrors.getState().resolve(key);

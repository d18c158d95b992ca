import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { loadFailureReason } from './load-failure.ts';

/** A module that is loaded on first use, not with the page (see useLazyModule). */
export interface LazyModule<T> {
  /** Starts loading the module, once; a failed load may be tried again. */
  readonly load: () => Promise<T>;
  /** The module, once it has loaded. */
  readonly current: () => T | undefined;
  /** Calls `listener` when the module has loaded; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
}

/** Wraps a dynamic `import()` so that components can ask for the module and re-render on arrival. */
export function lazyModule<T>(loader: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  const load = () =>
    (pending ??= loader().then(
      (module) => {
        value = module;
        for (const listener of listeners) listener();
        return module;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return {
    load,
    current: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const serverSnapshot = () => undefined;

/**
 * The module in a component: undefined until it has loaded (and while the pre-rendered page
 * hydrates, so the first render matches the server's); starts loading it while `wanted`.
 */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | undefined {
  const value = useSyncExternalStore(module.subscribe, module.current, serverSnapshot);
  const showToast = useAppStore((s) => s.showToast);
  useEffect(() => {
    if (!wanted) return;
    module.load().catch(() => {
      // Offline or a new deployment: the feature stays unavailable; reading is unaffected.
      showToast(
        `Part of the reader could not be loaded (${loadFailureReason()}). Reload the page to try again.`,
      );
    });
  }, [module, wanted, showToast]);
  return value;
}

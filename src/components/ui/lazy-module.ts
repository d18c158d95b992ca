import { useEffect, useSyncExternalStore } from 'react';

// The one way a part of the reader is loaded later than the page: a dynamic import() wrapped in
// a LazyModule, rendered through <LazyFeature> (LazyFeature.tsx), which shows the part once its
// code is here and says so, in one style, if the code cannot be loaded. Components render from
// the loaded module rather than through React.lazy, whose first reveal Suspense throttling can
// hold back for up to 300 ms even when the code is already here.

/** A module that is loaded on first use, not with the page (see useLazyModule). */
export interface LazyModule<T> {
  /** What the reader would call the part, e.g. "coverage grid": named if it cannot load. */
  readonly feature: string;
  /** Starts loading the module, once; a failed load may be tried again. */
  readonly load: () => Promise<T>;
  /** The module, once it has loaded. */
  readonly current: () => T | undefined;
  /** Whether the last attempt to load it failed (offline, or a newer deployment). */
  readonly failed: () => boolean;
  /** Calls `listener` when the module has loaded or failed to; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
}

/** Wraps a dynamic `import()` so that components can ask for the module and re-render on arrival. */
export function lazyModule<T>(feature: string, loader: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  let failed = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const load = () => {
    if (pending) return pending;
    if (failed) {
      failed = false;
      notify();
    }
    pending = loader().then(
      (module) => {
        value = module;
        notify();
        return module;
      },
      (error: unknown) => {
        pending = undefined;
        failed = true;
        notify();
        throw error;
      },
    );
    return pending;
  };
  return {
    feature,
    load,
    current: () => value,
    failed: () => failed,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const serverSnapshot = () => undefined;
const notFailedOnServer = () => false;

/**
 * The module in a component: undefined until it has loaded (and while the pre-rendered page
 * hydrates, so the first render matches the server's); starts loading it while `wanted`.
 */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | undefined {
  const value = useSyncExternalStore(module.subscribe, module.current, serverSnapshot);
  useEffect(() => {
    if (!wanted) return;
    module.load().catch(() => {
      // The module says it failed (see useLazyModuleFailed); reading is unaffected.
    });
  }, [module, wanted]);
  return value;
}

/** Whether the module's code could not be loaded, the last time it was asked for. */
export function useLazyModuleFailed(module: LazyModule<unknown>): boolean {
  return useSyncExternalStore(module.subscribe, module.failed, notFailedOnServer);
}

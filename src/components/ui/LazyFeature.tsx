import { Component, type ReactNode } from 'react';
import { useLazyModule, useLazyModuleFailed, type LazyModule } from './lazy-module.ts';
import { loadFailureReason } from './load-failure.ts';

/**
 * Says that part of the reader could not load, and offers a reload; reading goes on. The one
 * style for every part that loads later than the page (see LazyFeature).
 */
export function FeatureLoadError({
  feature,
  message,
  floating = false,
}: {
  /** What the reader would call the part that failed, e.g. "coverage grid". */
  feature: string;
  /** Said instead of the general sentence about `feature`. */
  message?: string;
  /** For parts that float over the page (card, panel, toolbar): shown above the page's bottom. */
  floating?: boolean;
}) {
  return (
    <div
      role="alert"
      className={`${floating ? 'fixed inset-x-4 bottom-20 z-40 mx-auto max-w-md shadow-lg ' : 'm-2 '}rounded-md border border-amber-700 bg-white p-3 text-sm dark:border-amber-400 dark:bg-stone-900`}
    >
      <p>
        {message ??
          `The ${feature} could not be loaded (${loadFailureReason()}). Your claims are kept; the articles can still be read.`}
      </p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-2 min-h-11 rounded-md border border-stone-400 px-3 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
      >
        Reload page
      </button>
    </div>
  );
}

interface BoundaryState {
  readonly failed: boolean;
}

/** Keeps a crash of one feature from taking the whole page down. */
class FeatureBoundary extends Component<
  { feature: string; floating: boolean; children: ReactNode },
  BoundaryState
> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <FeatureLoadError feature={this.props.feature} floating={this.props.floating} />
    ) : (
      this.props.children
    );
  }
}

/**
 * A part of the reader loaded on first use: nothing (or `fallback`) until its code is here, then
 * `children(module)`; if the code cannot be loaded, or the part crashes, a FeatureLoadError
 * naming it. Loading starts when `when` is first true.
 */
export function LazyFeature<T>({
  module,
  when,
  fallback = null,
  floating = false,
  children,
}: {
  module: LazyModule<T>;
  when: boolean;
  fallback?: ReactNode;
  floating?: boolean;
  children: (loaded: T) => ReactNode;
}) {
  const loaded = useLazyModule(module, when);
  const failed = useLazyModuleFailed(module);
  if (!when) return null;
  if (loaded) {
    return (
      <FeatureBoundary feature={module.feature} floating={floating}>
        {children(loaded)}
      </FeatureBoundary>
    );
  }
  return failed ? <FeatureLoadError feature={module.feature} floating={floating} /> : fallback;
}

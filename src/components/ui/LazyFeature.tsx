import { Component, Suspense, type ReactNode } from 'react';
import { loadFailureReason } from './load-failure.ts';

/** Says that part of the reader could not load, and offers a reload; reading goes on. */
export function FeatureLoadError({
  feature,
  message,
}: {
  /** What the reader would call the part that failed, e.g. "coverage grid". */
  feature: string;
  /** Said instead of the general sentence about `feature`. */
  message?: string;
}) {
  return (
    <div
      role="alert"
      className="m-2 rounded-md border border-amber-700 bg-white p-3 text-sm dark:border-amber-400 dark:bg-stone-900"
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

/** Keeps a failed lazy import (or a crash) of one feature from taking the whole page down. */
class FeatureBoundary extends Component<{ feature: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <FeatureLoadError feature={this.props.feature} />
    ) : (
      this.props.children
    );
  }
}

/** A lazily loaded feature: its fallback while the code arrives, a clear message if it cannot. */
export function LazyFeature({
  feature,
  fallback = null,
  children,
}: {
  /** What the reader would call it, e.g. "coverage grid". */
  feature: string;
  fallback?: ReactNode;
  children: ReactNode;
}) {
  return (
    <FeatureBoundary feature={feature}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </FeatureBoundary>
  );
}

import { HydrationBoundary, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { DehydratedState } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Wraps the app in its providers, seeding queries from pre-rendered state when there is some. */
export function Providers({
  client,
  state,
  children,
}: {
  client: QueryClient;
  state?: DehydratedState | undefined;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}

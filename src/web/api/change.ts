import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

export interface ChangeCallbacks<TData, TVars> {
  onSuccess?: (data: TData, vars: TVars) => unknown;
  onError?: (error: Error) => unknown;
}

/**
 * A mutation that marks the queries it makes stale (awaiting their reload) before the caller's onSuccess runs, so a
 * page that closes a form after a change shows the changed data.
 */
export function useChange<TData, TVars = void>(
  mutationFn: (vars: TVars) => Promise<TData>,
  stale: (data: TData, vars: TVars) => readonly QueryKey[],
  callbacks: ChangeCallbacks<TData, TVars> = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (data, vars) => {
      await Promise.all(stale(data, vars).map((queryKey) => client.invalidateQueries({ queryKey })));
      await callbacks.onSuccess?.(data, vars);
    },
    onError: callbacks.onError,
  });
}

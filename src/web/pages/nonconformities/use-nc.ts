import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NcDetail } from '../../../contracts/nonconformities.js';
import { notifySuccess } from '../../ui/notify.js';

/** A change to one nonconformity: refreshes the register, the counts and the audit findings that link to it. */
export function useNcMutation<V>(fn: (v: V) => Promise<NcDetail>, done: (nc: NcDetail) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (nc) => {
      client.setQueryData(['nc', nc.id], nc);
      await Promise.all(
        ['ncs', 'nc-counts', 'findings'].map((key) => client.invalidateQueries({ queryKey: [key] })),
      );
      notifySuccess(done(nc));
    },
  });
}

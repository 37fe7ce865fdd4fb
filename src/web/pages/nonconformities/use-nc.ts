import type { NcDetail } from '../../../contracts/nonconformities.js';
import { useNcChange } from '../../api/nonconformities.js';
import { notifySuccess } from '../../ui/notify.js';

/** A change to one nonconformity, confirmed with a message made from the answer. */
export function useNcMutation<V>(fn: (v: V) => Promise<NcDetail>, done: (nc: NcDetail) => string) {
  return useNcChange(fn, { onSuccess: (nc) => notifySuccess(done(nc)) });
}

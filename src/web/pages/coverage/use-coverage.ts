import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Coverage } from '../../../contracts/frameworks.js';
import { api, query } from '../../api/client.js';

export function useCoverage(serviceId: string | null) {
  const params = query({ serviceId: serviceId ?? undefined });
  return useQuery({
    queryKey: ['coverage', params],
    queryFn: () => api.get<Coverage[]>(`/api/coverage${params}`),
    placeholderData: (previous) => previous,
  });
}

/** The service a coverage view is scoped to, kept in the address. */
export function useServiceParam(): [string | null, (serviceId: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (serviceId: string | null) => {
    const next = new URLSearchParams(params);
    if (serviceId) next.set('serviceId', serviceId);
    else next.delete('serviceId');
    next.delete('page');
    setParams(next, { replace: true });
  };
  return [params.get('serviceId'), set];
}

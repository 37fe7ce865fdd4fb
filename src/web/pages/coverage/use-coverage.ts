import { useSearchParams } from 'react-router';
import { useCoverage as useCoverageQuery } from '../../api/frameworks.js';

export function useCoverage(serviceId: string | null) {
  return useCoverageQuery({ serviceId: serviceId ?? undefined });
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

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { SessionResponse } from '../../contracts/auth.js';
import type { Permission } from '../../contracts/permissions.js';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.js';

interface SessionState {
  session: SessionResponse | null;
  loading: boolean;
  can(permission: Permission): boolean;
  signedIn(session: SessionResponse): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await api.get<SessionResponse>('/api/auth/session');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, isLoading } = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
  const session = data ?? null;
  setCsrfToken(session?.csrfToken ?? '');

  const signedIn = useCallback(
    (s: SessionResponse) => {
      setCsrfToken(s.csrfToken);
      client.setQueryData(SESSION_KEY, s);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken('');
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  }, [client]);

  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(SESSION_KEY, null));
  }, [client]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading: isLoading,
      can: (p) => session?.permissions.includes(p) ?? false,
      signedIn,
      signOut,
    }),
    [session, isLoading, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside SessionProvider');
  return ctx;
}

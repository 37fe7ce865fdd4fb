import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionResponse } from '../../contracts/auth.js';
import type { Permission } from '../../contracts/permissions.js';
import { authApi, sessionKeys } from '../api/auth.js';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.js';

interface SessionState {
  session: SessionResponse | null;
  loading: boolean;
  /** True when a signed-in session ended on its own (expired, revoked or signed out elsewhere). */
  expired: boolean;
  can(permission: Permission): boolean;
  signedIn(session: SessionResponse): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
export const SESSION_KEY = sessionKeys.all;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await authApi.session();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, isLoading } = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
  const session = data ?? null;
  const [expired, setExpired] = useState(false);
  setCsrfToken(session?.csrfToken ?? '');

  // Nothing one person loaded may show to the next one who signs in on this browser.
  const forgetData = useCallback(
    () => client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] }),
    [client],
  );
  const signedIn = useCallback(
    (s: SessionResponse) => {
      forgetData();
      setExpired(false);
      setCsrfToken(s.csrfToken);
      client.setQueryData(SESSION_KEY, s);
    },
    [client, forgetData],
  );
  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setCsrfToken('');
    client.setQueryData(SESSION_KEY, null);
    forgetData();
  }, [client, forgetData]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (!client.getQueryData(SESSION_KEY)) return;
      setExpired(true);
      client.setQueryData(SESSION_KEY, null);
    });
  }, [client]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading: isLoading,
      expired,
      can: (p) => session?.permissions.includes(p) ?? false,
      signedIn,
      signOut,
    }),
    [session, isLoading, expired, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside SessionProvider');
  return ctx;
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailMode, NotificationSettings } from '../../contracts/activities.js';
import type { Page } from '../../contracts/paging.js';
import type { Notification, Task, TaskPatch } from '../../contracts/tasks.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: Params) => ['tasks', query(params)] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: Params) => ['notifications', query(params)] as const,
  unread: ['notifications', 'unread-count'] as const,
  settings: ['notification-settings'] as const,
};

export const tasksApi = {
  list: (params: Params) => api.get<Page<Task>>(`/api/tasks${query(params)}`),
  update: (id: string, body: TaskPatch) => api.patch<Task>(`/api/tasks/${id}`, body),
  notifications: (params: Params) => api.get<Page<Notification>>(`/api/notifications${query(params)}`),
  unreadCount: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
  markRead: (id: string | 'all') =>
    id === 'all'
      ? api.post<void>('/api/notifications/read-all')
      : api.post<void>(`/api/notifications/${id}/read`),
  settings: () => api.get<NotificationSettings>('/api/me/notification-settings'),
  saveSettings: (email: EmailMode) =>
    api.put<NotificationSettings>('/api/me/notification-settings', { email }),
};

export function useTasks(params: Params) {
  return useQuery({
    queryKey: taskKeys.list(params),
    queryFn: () => tasksApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** Changes a task; `alsoStale` names what else the change touches (e.g. evidence a completion links). */
export function useUpdateTask(
  id: string,
  callbacks?: ChangeCallbacks<Task, TaskPatch>,
  alsoStale: readonly (readonly string[])[] = [],
) {
  return useChange(
    (body: TaskPatch) => tasksApi.update(id, body),
    () => [taskKeys.all, ...alsoStale],
    callbacks,
  );
}

export function useNotifications(params: Params) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: () => tasksApi.notifications(params),
    placeholderData: keepPreviousData,
  });
}

export function useUnreadCount(): number {
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: tasksApi.unreadCount,
    refetchInterval: 60_000,
  });
  return unread.data?.unread ?? 0;
}

export function useMarkRead(callbacks?: ChangeCallbacks<void, string>) {
  return useChange(tasksApi.markRead, () => [notificationKeys.all], callbacks);
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: tasksApi.settings });
}

/** Saves the mail setting optimistically; on failure the stored setting reloads. */
export function useSaveNotificationSettings(callbacks: ChangeCallbacks<NotificationSettings, EmailMode>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: tasksApi.saveSettings,
    onMutate: (email) => client.setQueryData(notificationKeys.settings, { email }),
    onSuccess: (s, email) => {
      client.setQueryData(notificationKeys.settings, s);
      callbacks.onSuccess?.(s, email);
    },
    onError: async (error) => {
      await client.invalidateQueries({ queryKey: notificationKeys.settings });
      callbacks.onError?.(error);
    },
  });
}

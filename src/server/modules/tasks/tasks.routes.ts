import { notificationSettingsSchema } from '../../../contracts/activities.js';
import { pageOf } from '../../../contracts/paging.js';
import {
  notificationListQuerySchema,
  notificationSchema,
  readAllResponseSchema,
  taskListQuerySchema,
  taskPatchSchema,
  taskSchema,
  unreadCountSchema,
} from '../../../contracts/tasks.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { getNotificationSettings, updateNotificationSettings } from './notification-settings.service.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service.js';
import { tasksPolicy as policy } from './tasks.policy.js';
import { getTask, listTasks, updateTask } from './tasks.service.js';

export const registerTaskRoutes: RouteModule = (app, { db }) => {
  const tags = ['tasks'];
  app.get(
    '/api/tasks',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Tasks; assignee=me for your own, filter by status',
        querystring: taskListQuerySchema,
        response: { 200: pageOf(taskSchema), ...errors },
      },
    },
    (req) => listTasks(contextOf(req, db), req.query),
  );
  app.get(
    '/api/tasks/:id',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'One task', params: idParams, response: { 200: taskSchema, ...errors } },
    },
    (req) => getTask(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    {
      config: { access: policy.updateOwn },
      schema: {
        tags,
        summary: 'Change status (the assignee, or tasks.manage) or assignee (tasks.manage)',
        params: idParams,
        body: taskPatchSchema,
        response: { 200: taskSchema, ...errors },
      },
    },
    (req) => updateTask(contextOf(req, db), req.params.id, req.body),
  );

  const inbox = ['notifications'];
  app.get(
    '/api/notifications',
    {
      config: { access: policy.inbox },
      schema: {
        tags: inbox,
        summary: 'Your inbox, newest first',
        querystring: notificationListQuerySchema,
        response: { 200: pageOf(notificationSchema), ...errors },
      },
    },
    (req) => listNotifications(contextOf(req, db), req.query),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: policy.inbox },
      schema: {
        tags: inbox,
        summary: 'How many unread notifications you have',
        response: { 200: unreadCountSchema, ...errors },
      },
    },
    (req) => unreadCount(contextOf(req, db)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: policy.manageInbox },
      schema: {
        tags: inbox,
        summary: 'Mark a notification read',
        params: idParams,
        response: { 200: notificationSchema, ...errors },
      },
    },
    (req) => markRead(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { access: policy.manageInbox },
      schema: {
        tags: inbox,
        summary: 'Mark every notification read',
        response: { 200: readAllResponseSchema, ...errors },
      },
    },
    (req) => markAllRead(contextOf(req, db)),
  );
  app.get(
    '/api/me/notification-settings',
    {
      config: { access: policy.inbox },
      schema: {
        tags: inbox,
        summary: 'How you get notifications by e-mail: immediate, daily digest (default) or off',
        response: { 200: notificationSettingsSchema, ...errors },
      },
    },
    (req) => getNotificationSettings(contextOf(req, db)),
  );
  app.put(
    '/api/me/notification-settings',
    {
      config: { access: policy.manageInbox },
      schema: {
        tags: inbox,
        summary: 'Choose immediate mail, the daily digest or no mail',
        body: notificationSettingsSchema,
        response: { 200: notificationSettingsSchema, ...errors },
      },
    },
    (req) => updateNotificationSettings(contextOf(req, db), req.body),
  );
};

import { defineModule } from '../../kernel/module.js';
import { digestJobs } from './digest.jobs.js';
import { reminderJobs } from './reminders.jobs.js';
import { registerTaskRoutes } from './tasks.routes.js';

export const tasksModule = defineModule({
  name: 'tasks',
  routes: [registerTaskRoutes],
  routeAccess: {
    'GET /api/tasks': 'tasks.read',
    'GET /api/tasks/:id': 'tasks.read',
    // The assignee may set their own task's status; the service asks tasks.manage for anything else.
    'PATCH /api/tasks/:id': 'tasks.update-own',
    'GET /api/notifications': 'notifications.read',
    'GET /api/notifications/unread-count': 'notifications.read',
    'POST /api/notifications/:id/read': 'notifications.manage-own',
    'POST /api/notifications/read-all': 'notifications.manage-own',
    'GET /api/me/notification-settings': 'notifications.read',
    'PUT /api/me/notification-settings': 'notifications.manage-own',
  },
  jobs: ({ db, logger, publicUrl }) => [...reminderJobs(db, logger), ...digestJobs(db, logger, publicUrl)],
  tables: [
    { name: 'tasks', orderBy: 'id' },
    { name: 'notifications', orderBy: 'id' },
    { name: 'notification_settings', orderBy: 'user_id' },
  ],
});

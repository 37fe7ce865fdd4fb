import { defineModule } from '../../kernel/module.js';
import { activityJobs } from './activities.jobs.js';
import { registerActivityRoutes } from './activities.routes.js';

export const activitiesModule = defineModule({
  name: 'activities',
  routes: [registerActivityRoutes],
  routeAccess: {
    'GET /api/activities': 'tasks.read',
    'GET /api/activities/:id': 'tasks.read',
    'POST /api/activities': 'tasks.manage',
    'PATCH /api/activities/:id': 'tasks.manage',
    // A preview computes dates and writes nothing.
    'POST /api/activities/schedule-preview': 'tasks.read',
  },
  jobs: ({ db, logger, publicUrl }) => [...activityJobs(db, logger, publicUrl)],
  tables: [
    { name: 'recurring_activities', orderBy: 'id' },
    { name: 'recurring_activity_controls', orderBy: 'activity_id, control_id' },
    { name: 'activity_occurrences', orderBy: 'id' },
  ],
});

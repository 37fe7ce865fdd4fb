export { sendDigests } from './digest.jobs.js';
export { notificationMailText, notifyAndMail } from './notification-mail.js';
export {
  type NewNotification,
  notify,
  notifyAndAudit,
  type Reminder,
  sendRemindersPerOrganization,
} from './notify.js';
export { failingCheckNotification, sendReminders } from './reminders.jobs.js';
export {
  closeTasksForSource,
  openTaskForSource,
  reassignSourceTask,
  type SourceTask,
} from './task-sources.js';
export { tasksModule } from './tasks.module.js';
export { assertAssignableUser } from './tasks.repository.js';

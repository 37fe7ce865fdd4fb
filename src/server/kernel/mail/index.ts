export { deliverPendingMail, MAX_ATTEMPTS, type MailTransport, smtpTransport } from './mail-delivery.js';
export { mailJobs } from './mail-jobs.js';
export {
  assertPublicFormAllowed,
  mayMailFromPublicForm,
  PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR,
} from './mail-limits.js';
export { enqueueMail, type OutgoingMail } from './mail-outbox.js';

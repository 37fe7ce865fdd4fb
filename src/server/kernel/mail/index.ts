export { deliverPendingMail, MAX_ATTEMPTS, type MailTransport, smtpTransport } from './mail-delivery.js';
export { mailJobs } from './mail-jobs.js';
export { enqueueMail, type OutgoingMail } from './mail-outbox.js';

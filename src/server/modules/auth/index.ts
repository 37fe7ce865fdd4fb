export { authModule } from './auth.module.js';
export { deleteSessionsOfUser } from './auth.repository.js';

export { deleteSessionsOfUser } from './auth.repository.js';
export { registerAuthRoutes } from './auth.routes.js';

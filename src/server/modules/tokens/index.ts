export { revokeTokensOfUser } from './tokens.repository.js';
export { registerTokensRoutes } from './tokens.routes.js';
export { createToken } from './tokens.service.js';

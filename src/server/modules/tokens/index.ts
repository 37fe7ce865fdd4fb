export { registerTokensRoutes } from './tokens.routes.js';
export { createToken } from './tokens.service.js';

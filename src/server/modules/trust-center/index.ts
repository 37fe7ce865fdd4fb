export { registerTrustPublicRoutes } from './public.routes.js';
export { registerTrustCenterRoutes } from './trust-center.routes.js';

export { registerSearchRoutes } from './search.routes.js';

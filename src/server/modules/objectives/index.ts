export { registerObjectiveRoutes } from './objectives.routes.js';

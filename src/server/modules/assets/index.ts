export { registerAssetRoutes } from './assets.routes.js';
export { assertActiveUser } from './references.js';

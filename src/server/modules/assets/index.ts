export { registerAssetRoutes } from './assets.routes.js';
export { createAsset } from './assets.service.js';
export { assertActiveUser } from './references.js';

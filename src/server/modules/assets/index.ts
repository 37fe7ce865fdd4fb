export { registerAssetRoutes } from './assets.routes.js';
export { createAsset, getAsset } from './assets.service.js';
export { assertActiveUser } from './references.js';

export { assetsModule } from './assets.module.js';
export { createAsset, getAsset } from './assets.service.js';
export { assertActiveUser } from './references.js';

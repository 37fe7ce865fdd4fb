export { assetsModule } from './assets.module.js';
export { createAsset } from './assets.service.js';
export { assertActiveUser } from './references.js';

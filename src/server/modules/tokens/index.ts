export { tokensModule } from './tokens.module.js';
export { revokeTokensOfUser } from './tokens.repository.js';
export { createToken } from './tokens.service.js';

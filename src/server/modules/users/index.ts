export { searchPeople } from './user-search.js';
export {
  claimInvitation,
  findUserByEmailOrUndefined,
  findUserInOrganizationOrUndefined,
  updateUserRow,
} from './users.repository.js';
export { registerUsersRoutes } from './users.routes.js';
export { createUser, resetPassword } from './users.service.js';

export { searchPeople } from './user-search.js';
export { usersModule } from './users.module.js';
export {
  claimInvitation,
  findInvitationOrganizationOrUndefined,
  findUserByEmailOrUndefined,
  findUserInOrganizationOrUndefined,
  updateUserRow,
} from './users.repository.js';
export { createUser, resetPassword } from './users.service.js';

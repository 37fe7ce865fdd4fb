export {
  addCorrectiveAction,
  updateCorrectiveAction,
  verifyNonconformity,
} from './corrective-actions.service.js';
export { registerNonconformityRoutes } from './nonconformities.routes.js';
export {
  changeNonconformityStatus,
  type RaiseNonconformity,
  raiseNonconformity,
  updateNonconformity,
} from './nonconformities.service.js';
export { assertPerson, today } from './people.js';

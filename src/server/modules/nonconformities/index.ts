export {
  addCorrectiveAction,
  updateCorrectiveAction,
  verifyNonconformity,
} from './corrective-actions.service.js';
export { nonconformitiesModule } from './nonconformities.module.js';
export {
  changeNonconformityStatus,
  type RaiseNonconformity,
  raiseNonconformity,
  updateNonconformity,
} from './nonconformities.service.js';
export { assertPerson, today } from './people.js';

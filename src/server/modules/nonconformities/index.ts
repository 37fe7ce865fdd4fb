export { registerNonconformityRoutes } from './nonconformities.routes.js';
export { type RaiseNonconformity, raiseNonconformity } from './nonconformities.service.js';
export { assertPerson, today } from './people.js';

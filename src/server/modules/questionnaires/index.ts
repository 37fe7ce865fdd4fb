export { type KnowledgeDoc, loadKnowledgeBase } from './knowledge-base.repository.js';
export { registerQuestionnaireModuleRoutes as registerQuestionnaireRoutes } from './questionnaires.routes.js';
export { type Proposal, proposeAnswers } from './retrieval.js';

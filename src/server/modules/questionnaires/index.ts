export { type KnowledgeDoc, loadKnowledgeBase } from './knowledge-base.repository.js';
export { questionnairesModule } from './questionnaires.module.js';
export { type Proposal, proposeAnswers } from './retrieval.js';

export { objectivesModule } from './objectives.module.js';

export { searchPeople } from './user-search.js';

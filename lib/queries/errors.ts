/** ARM errors in words, for components (which reach ARM only through lib/queries). */
export { explainArmError } from '../azure/errors';

import { stateOperation } from './state';

export const { description, execute } = stateOperation('enable');

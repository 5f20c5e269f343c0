import { stateOperation } from '../../sharedOperations/flowStateOperation';

export const { description, execute } = stateOperation('enable');

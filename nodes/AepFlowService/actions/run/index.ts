import { defineResource } from '../../descriptions/operationDefinitions';
import * as create from './create.run';
import * as get from './get.run';
import * as getErrors from './getErrors.run';
import * as getFailedRecords from './getFailedRecords.run';
import * as getMany from './getMany.run';
import * as retry from './retry.run';
import * as waitForCompletion from './waitForCompletion.run';

export const run = defineResource('run', [create, get, getErrors, getFailedRecords, getMany, retry, waitForCompletion], 'getMany');

import { defineResource } from '../../descriptions/operationDefinitions';
import * as create from './create.flow';
import * as deleteOperation from './delete.flow';
import * as disable from './disable.flow';
import * as enable from './enable.flow';
import * as get from './get.flow';
import * as getMany from './getMany.flow';
import * as getSummary from './getSummary.flow';
import * as update from './update.flow';
import * as updatePolicies from './updatePolicies.flow';

export const flow = defineResource('flow', [create, deleteOperation, disable, enable, get, getMany, getSummary, update, updatePolicies], 'getMany');

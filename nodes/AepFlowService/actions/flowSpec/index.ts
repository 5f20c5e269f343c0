import { defineResource } from '../../descriptions/operationDefinitions';
import * as get from './get.flowSpec';
import * as getByNames from './getByNames.flowSpec';
import * as getMany from './getMany.flowSpec';

export const flowSpec = defineResource('flowSpec', [get, getByNames, getMany], 'getMany');

import { defineResource } from '../../descriptions/operationDefinitions';
import * as get from './get.connectionSpec';
import * as getByName from './getByName.connectionSpec';
import * as getMany from './getMany.connectionSpec';

export const connectionSpec = defineResource('connectionSpec', [get, getByName, getMany], 'getMany');

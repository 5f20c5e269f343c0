import { defineResource } from '../../descriptions/operationDefinitions';
import * as create from './create.connection';
import * as deleteOperation from './delete.connection';
import * as explore from './explore.connection';
import * as get from './get.connection';
import * as getMany from './getMany.connection';
import * as test from './test.connection';
import * as update from './update.connection';

export const connection = defineResource('connection', [create, deleteOperation, explore, get, getMany, test, update], 'create');

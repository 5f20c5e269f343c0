import { defineResource } from '../../descriptions/operationDefinitions';
import * as create from './create.targetConnection';
import * as deleteOperation from './delete.targetConnection';
import * as get from './get.targetConnection';
import * as getMany from './getMany.targetConnection';
import * as update from './update.targetConnection';

export const targetConnection = defineResource('targetConnection', [create, deleteOperation, get, getMany, update], 'getMany');

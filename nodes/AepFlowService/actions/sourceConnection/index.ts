import { defineResource } from '../../descriptions/operationDefinitions';
import * as create from './create.sourceConnection';
import * as deleteOperation from './delete.sourceConnection';
import * as get from './get.sourceConnection';
import * as getMany from './getMany.sourceConnection';
import * as update from './update.sourceConnection';

export const sourceConnection = defineResource('sourceConnection', [create, deleteOperation, get, getMany, update], 'getMany');

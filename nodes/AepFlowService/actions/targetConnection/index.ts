import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../descriptions/endpointConnectionDescriptions';
import type { ResourceOperations } from '../types';
import * as create from './create';
import * as deleteOperation from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: deleteOperation, get, getMany, update };

export const description: INodeProperties[] = [
	operationSelector('targetConnection'),
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...update.description,
];

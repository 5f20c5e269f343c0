import { defineResource } from '../../descriptions/operationDefinitions';
import * as explore from './explore.landingZone';
import * as getContainer from './getContainer.landingZone';
import * as getCredentials from './getCredentials.landingZone';
import * as previewFile from './previewFile.landingZone';
import * as refreshCredentials from './refreshCredentials.landingZone';

export const landingZone = defineResource('landingZone', [explore, getContainer, getCredentials, previewFile, refreshCredentials], 'getContainer');

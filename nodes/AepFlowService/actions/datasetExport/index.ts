import { defineResource } from '../../descriptions/operationDefinitions';
import * as exportToLandingZone from './exportToLandingZone.datasetExport';
import * as getExportableDatasets from './getExportableDatasets.datasetExport';

export const datasetExport = defineResource('datasetExport', [exportToLandingZone, getExportableDatasets], 'getExportableDatasets');

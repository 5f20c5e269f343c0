import type { IExecuteFunctions } from 'n8n-workflow';

export const zoneTypeOf = (context: IExecuteFunctions, itemIndex: number): string => context.getNodeParameter('zoneType', itemIndex) as string;

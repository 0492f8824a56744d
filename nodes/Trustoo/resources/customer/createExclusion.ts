import type { INodeProperties } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';
import { customerEmailField } from './emailField';

const showOnlyForCreateExclusion = { resource: ['customer'], operation: ['createExclusion'] };

export const createExclusionPreSend = [validateRequired('email', 'Email', checks.email)];

export const createExclusionDescription: INodeProperties[] = [
	customerEmailField(showOnlyForCreateExclusion, 'The customer who should get no more review invitations'),
];

import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireMediaFile, validateBinaryProperty } from '../../../shared/validation';
import type { FileKind } from '../../../shared/validation';

type Show = { resource: string[]; operation: string[] };

export function binaryPropertyField(show: Show, kind: FileKind): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show },
		hint: `The name of the input binary field containing the ${kind} to upload`,
		description: `Binary property of the input item that holds the ${kind}, e.g. from an HTTP Request, Read Binary File or form trigger node`,
	};
}

export function fileNameOption(kind: FileKind): INodeProperties {
	return {
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: kind === 'image' ? 'e.g. customer-photo.jpg' : 'e.g. unboxing.mp4',
		description: `Name to store the ${kind} under instead of the binary file’s own name. Made safe and unique either way.`,
	};
}

/** Refuses an item without a usable file before the upload credentials are even asked for. */
export function binaryInputCheck(kind: FileKind) {
	return validateBinaryProperty('binaryPropertyName', 'Input Binary Field', kind);
}

export interface MediaFile {
	data: Buffer;
	mimeType: string;
	extension: string;
	/** The name the user gave or the binary's own, before it is made safe. */
	fileName: string;
}

export async function readMediaFile(this: IExecuteSingleFunctions, kind: FileKind): Promise<MediaFile> {
	const file = await requireMediaFile(this, 'binaryPropertyName', 'Input Binary Field', kind);
	const override = String(this.getNodeParameter('options.fileName', '') ?? '').trim();
	return { data: file.data, mimeType: file.mimeType, extension: file.extension, fileName: override || file.binary.fileName || kind };
}

import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

type Shape = (object: IDataObject) => IDataObject;

/**
 * Post-receive action that normalises every output object and, when the operation has a Simplify
 * toggle that is on, compacts it.
 */
export function shapeOutput(normalize: Shape, simplify?: Shape): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const compact = simplify !== undefined && (this.getNodeParameter('simplify', false) as boolean);
		return items.map((item) => {
			const json = normalize(item.json);
			return { ...item, json: compact ? simplify(json) : json };
		});
	};
}

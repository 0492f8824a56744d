import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

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

/**
 * Post-receive action of operations whose answer carries nothing (deletes, unsubscribe, revoke):
 * an empty answer becomes one item saying what was done, with Trustoo's request id, instead of `{}`.
 * An answer that does carry data is kept as it is.
 */
export function confirmOutput(describe: (this: IExecuteSingleFunctions) => IDataObject): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const requestId = (response.body as IDataObject | undefined)?.request_id ?? null;
		return items.map((item) =>
			carriesData(item.json) ? item : { ...item, json: { success: true, ...describe.call(this), request_id: requestId } },
		);
	};
}

/** `{}`, or the `{success, message, request_id}` that unwrapEnvelope makes of an answer without data. */
function carriesData(json: IDataObject): boolean {
	const keys = Object.keys(json);
	if (keys.length === 0) return false;
	return !(json.success === true && keys.every((key) => ['success', 'message', 'request_id'].includes(key)));
}

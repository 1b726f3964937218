import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError } from 'n8n-workflow';
import { RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';

/**
 * n8n-nodes-base's No Operation node (`n8n-nodes-base.noOp`), reduced to its description:
 * n8n's credential tester builds its temporary node from this type, and n8n's
 * `preAuthentication` recognizes a credential test by it.
 */
export const noOpNodeType: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'n8n-nodes-base.noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	},
};

/**
 * The node that hands the test's input items to the node under test. It never executes:
 * the items are its pinned data, which is how n8n itself replays fixed input (pinData).
 */
export const INPUT_NODE_TYPE = 'n8n-nodes-zoom-test.input';

export const inputNodeType: INodeType = {
	description: {
		displayName: 'Test Input',
		name: INPUT_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the items pinned to it',
		defaults: { name: 'Test Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	},
};

/** CLI `shouldAssignExecuteMethod` (`packages/cli/src/utils.ts`). */
function shouldAssignExecuteMethod(nodeType: INodeType): boolean {
	const isDeclarativeNode = nodeType?.description?.requestDefaults !== undefined;
	return (
		!nodeType.execute &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarativeNode) &&
		(!nodeType.methods || isDeclarativeNode)
	);
}

/**
 * Node type registry like n8n CLI's `NodeTypes` (`packages/cli/src/node-types.ts`): versioned
 * types resolved with `NodeHelpers.getVersionedNodeType`, declarative nodes given an
 * `execute` that runs n8n-core's `RoutingNode`.
 */
export class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(types: Array<INodeType | IVersionedNodeType> = []) {
		for (const type of [noOpNodeType, inputNodeType, ...types]) this.register(type);
	}

	register(type: INodeType | IVersionedNodeType): void {
		this.types.set(type.description.name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError('Unknown node type', { tags: { nodeType } });
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const versionedNodeType = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		if (shouldAssignExecuteMethod(versionedNodeType)) {
			versionedNodeType.execute = async function (this: ExecuteContext) {
				const routingNode = new RoutingNode(this, versionedNodeType);
				const data = await routingNode.runNode();
				return data ?? [];
			};
		}
		return versionedNodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

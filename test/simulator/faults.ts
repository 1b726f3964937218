import type { FaultSpec } from './types';

interface ArmedFault extends FaultSpec {
	remaining: number;
}

export class Faults {
	private armed: ArmedFault[] = [];

	inject(spec: FaultSpec): void {
		this.armed.push({ ...spec, remaining: spec.count ?? 1 });
	}

	/** The first armed fault matching this request, consumed; undefined when none. */
	take(method: string, pathname: string): ArmedFault | undefined {
		const fault = this.armed.find(
			(f) =>
				(f.method === undefined || f.method.toUpperCase() === method) &&
				(f.path === undefined ||
					(typeof f.path === 'string'
						? f.path === pathname
						: ((f.path.lastIndex = 0), f.path.test(pathname)))),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) this.armed = this.armed.filter((f) => f !== fault);
		return fault;
	}

	clear(): void {
		this.armed = [];
	}
}

const STATUS_MESSAGES: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export function faultBody(status: number): Record<string, unknown> {
	return { code: status, message: STATUS_MESSAGES[status] ?? 'Internal Server Error' };
}

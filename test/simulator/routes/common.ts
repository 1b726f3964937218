import { apiErrors, type FieldError } from '../errors';
import type { ApiContext } from '../router';
import type { ZoomUser } from '../types';

export function decodeParam(raw: string): string | undefined {
	try {
		return decodeURIComponent(raw);
	} catch {
		return undefined;
	}
}

/** `me`, a user id or an email, inside the token's account; 404/1001 otherwise. */
export function resolveUser(ctx: ApiContext, raw: string): ZoomUser {
	const decoded = decodeParam(raw) ?? raw;
	const wanted = decoded === 'me' ? ctx.token.userId : decoded;
	const user = ctx.state.findUser(wanted, ctx.token.accountId);
	if (!user) throw apiErrors.userNotFound(decoded);
	return user;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validation helpers: each pushes a Zoom-style `{field, message}` and returns the valid value. */
export class Checker {
	readonly errors: FieldError[] = [];

	constructor(
		private readonly source: Record<string, unknown>,
		private readonly prefix = '',
	) {}

	private fail(field: string, message = 'Invalid field.'): undefined {
		this.errors.push({ field: this.prefix + field, message });
		return undefined;
	}

	has(field: string): boolean {
		return this.source[field] !== undefined && this.source[field] !== null;
	}

	string(
		field: string,
		opts: { max?: number; required?: boolean; pattern?: RegExp; message?: string } = {},
	): string | undefined {
		const v = this.source[field];
		if (v === undefined || v === null)
			return opts.required ? this.fail(field, `${field} is required.`) : undefined;
		if (typeof v !== 'string') return this.fail(field);
		if (opts.max !== undefined && v.length > opts.max)
			return this.fail(
				field,
				opts.message ?? `The length of ${field} cannot exceed ${opts.max} characters.`,
			);
		if (opts.pattern && !opts.pattern.test(v)) return this.fail(field, opts.message);
		return v;
	}

	integer(
		field: string,
		opts: { min?: number; max?: number; oneOf?: number[]; required?: boolean } = {},
	): number | undefined {
		const v = this.source[field];
		if (v === undefined || v === null)
			return opts.required ? this.fail(field, `${field} is required.`) : undefined;
		if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(field);
		if (opts.oneOf && !opts.oneOf.includes(v)) return this.fail(field);
		if (opts.min !== undefined && v < opts.min) return this.fail(field);
		if (opts.max !== undefined && v > opts.max) return this.fail(field);
		return v;
	}

	boolean(field: string): boolean | undefined {
		const v = this.source[field];
		if (v === undefined || v === null) return undefined;
		if (typeof v !== 'boolean') return this.fail(field);
		return v;
	}

	oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
		const v = this.source[field];
		if (v === undefined || v === null)
			return required ? this.fail(field, `${field} is required.`) : undefined;
		if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
			return this.fail(field);
		return v as T;
	}

	push(field: string, message = 'Invalid field.'): void {
		this.fail(field, message);
	}

	throwIfAny(): void {
		if (this.errors.length > 0) throw apiErrors.validation(this.errors);
	}
}

/** For query strings: `true`/`false` as Zoom reads them. */
export function queryBoolean(query: URLSearchParams, name: string): boolean {
	return query.get(name) === 'true';
}

import type { INodeParameters } from 'n8n-workflow';

/*
 * The fuzzed fields of the node and how bad values for each are generated (seeded, replayable);
 * run by ../fuzz.test.ts.
 */

export const SEED = Number(process.env.FUZZ_SEED ?? 20_241_124);
export const CASES_PER_FIELD = Number(process.env.FUZZ_CASES ?? 80);

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for test data, replayable by seed. */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)];
	const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	const JUNK = ' \t\n!"#$%&\'()*+,/:;<=>?@[\\]^`{|}~é€漢🙂\u0000';
	const text = (length: number, alphabet = ALNUM + JUNK) =>
		Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join('');
	return { next, int, pick, text, ALNUM, JUNK };
}

export type Rng = ReturnType<typeof prng>;

/** Values of a type no text field accepts. */
function notText(r: Rng): unknown {
	return r.pick<() => unknown>([
		() => r.int(-1e6, 1e6),
		() => r.next() * 1e9,
		() => r.pick([true, false]),
		() => [r.text(r.int(0, 5))],
		() => ({ [r.text(3, r.ALNUM)]: r.text(4) }),
		() => ({}),
		() => [],
	])();
}

/** Text that is empty, blank, or contains a character not allowed. */
function blank(r: Rng): string {
	return r.pick(['', ' ', '   ', '\t', '\n', ' \t\n ']);
}

/** Text with a forbidden character inside (not at an end, where trimming would remove a space). */
function withForbiddenCharacter(r: Rng, forbidden: string): string {
	const base = r.text(r.int(2, 12), r.ALNUM);
	const at = r.int(1, base.length - 1);
	return `${base.slice(0, at)}${r.pick([...forbidden])}${base.slice(at)}`;
}

function badEmail(r: Rng): unknown {
	return r.pick<() => unknown>([
		() => notText(r),
		() => blank(r),
		() => r.text(r.int(1, 30), r.ALNUM),
		() => `${r.text(r.int(1, 10), r.ALNUM)}@`,
		() => `@${r.text(r.int(1, 10), r.ALNUM)}.com`,
		() => `${r.text(r.int(1, 8), r.ALNUM)}@@${r.text(4, r.ALNUM)}.com`,
		() => `${r.text(3, r.ALNUM)} ${r.text(3, r.ALNUM)}@example.com`,
		() => `${r.text(r.int(1, 8), r.ALNUM)}@${r.text(r.int(1, 8), r.ALNUM)}`,
		() => `${r.text(130, r.ALNUM)}@example.com`,
	])();
}

function badUserId(r: Rng): unknown {
	return r.pick<() => unknown>([
		() => notText(r),
		() => blank(r),
		() => withForbiddenCharacter(r, ' /?#'),
	])();
}

function badMeetingId(r: Rng): unknown {
	return r.pick<() => unknown>([
		() => blank(r),
		() => r.pick([true, false, {}, [], { id: 1 }]),
		() => r.int(0, 99_999_999),
		() => String(r.int(0, 99_999_999)),
		() => withForbiddenCharacter(r, '!?#%&*() '),
		() => r.text(r.int(1, 15), 'abcdefghijklmnopqrstuvwxyz'),
		() => `https://example.com/${r.text(r.int(0, 10), 'abcdefghijklmnopqrstuvwxyz')}`,
	])();
}

function badMeetingPassword(r: Rng): unknown {
	return r.pick<() => unknown>([
		() => r.text(r.int(11, 40), r.ALNUM),
		() => withForbiddenCharacter(r, ' !#$%^&()+=?'),
		() => notText(r),
	])();
}

export interface Target {
	name: string;
	/** The field label the error must name. */
	label: string;
	parameters: INodeParameters;
	generate: (r: Rng) => unknown;
	/** The value must not appear in the error (passwords). */
	secret?: boolean;
	/** A known gap, reported and not yet fixed: the test runs and is reported as TODO. */
	todo?: string;
}

const VALUE = '={{ $json.value }}';
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

const meetingCreate = (
	fields: INodeParameters = {},
	topic = 'Fuzzed meeting',
): INodeParameters => ({
	resource: 'meeting',
	operation: 'create',
	userId: rl('me'),
	topic,
	additionalFields: fields,
});

const userCreate = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'user',
	operation: 'create',
	action: 'create',
	email: 'fuzz@example.com',
	userType: 1,
	additionalFields: {},
	...overrides,
});

export const TARGETS: Target[] = [
	{
		name: 'user → get: User',
		label: 'User',
		parameters: { resource: 'user', operation: 'get', userId: rl(VALUE) },
		generate: badUserId,
	},
	{
		name: 'meeting → get: Meeting',
		label: 'Meeting',
		parameters: { resource: 'meeting', operation: 'get', meetingId: rl(VALUE) },
		generate: badMeetingId,
	},
	{
		name: 'meeting → delete: Meeting (as a URL)',
		label: 'Meeting',
		parameters: { resource: 'meeting', operation: 'delete', meetingId: rl(VALUE, 'url') },
		generate: badMeetingId,
	},
	{
		name: 'meeting → create: User',
		label: 'User',
		parameters: { ...meetingCreate(), userId: rl(VALUE) },
		generate: badUserId,
	},
	{
		name: 'meeting → create: Topic',
		label: 'Topic',
		parameters: meetingCreate({}, VALUE),
		generate: (r) =>
			r.pick<() => unknown>([
				() => blank(r),
				() => notText(r),
				() => r.text(r.int(201, 400), r.ALNUM + ' '),
			])(),
	},
	{
		name: 'meeting → create: Duration',
		label: 'Duration',
		parameters: meetingCreate({ duration: VALUE }),
		generate: (r) =>
			r.pick<() => unknown>([
				() => -r.int(1, 100_000),
				() => r.int(0, 1000) + r.pick([0.5, 0.25, 0.1]),
				() => r.int(10_081, 10_000_000),
				() => r.text(r.int(1, 8), 'abcdefghijklmnopqrstuvwxyz'),
				() => ({ minutes: r.int(1, 60) }),
				() => `${r.int(1, 60)} minutes`,
			])(),
	},
	{
		name: 'meeting → create: Time Zone',
		label: 'Time Zone',
		parameters: meetingCreate({ timezone: VALUE }),
		generate: (r) =>
			r.pick<() => unknown>([
				() => withForbiddenCharacter(r, ' !?#%&*()'),
				() => `${r.int(0, 99)}/${r.text(5, r.ALNUM)}`,
				() => `${r.text(5, 'abcdefghij')}/`,
				() => `/${r.text(5, 'abcdefghij')}`,
				() => r.pick([{ zone: 'UTC' }, ['UTC'], true, 42]),
			])(),
	},
	{
		name: 'meeting → create: Start Time',
		label: 'Start Time',
		parameters: meetingCreate({ startTime: VALUE }),
		generate: (r) =>
			r.pick<() => unknown>([
				() => r.text(r.int(1, 12), 'abcdefghijklmnopqrstuvwxyz '),
				() =>
					`${r.int(2020, 2030)}-${r.int(13, 99)}-${String(r.int(1, 28)).padStart(2, '0')}T10:00:00`,
				() =>
					`${r.int(2020, 2030)}-${String(r.int(1, 12)).padStart(2, '0')}-${r.int(32, 99)}T10:00:00`,
				() => `${r.int(2020, 2030)}-01-01T${r.int(25, 99)}:00:00`,
				() => r.pick(['tomorrow', 'next week', 'noon', 'yesterday at 5']),
				() => ({ date: '2026-01-01' }),
			])(),
	},
	{
		name: 'meeting → create: Password',
		label: 'Password',
		parameters: meetingCreate({ password: VALUE }),
		generate: badMeetingPassword,
	},
	{
		name: 'meeting → create: Password is not repeated in the error',
		label: 'Password',
		parameters: meetingCreate({ password: VALUE }),
		generate: badMeetingPassword,
		secret: true,
	},
	{
		name: 'user → create: Email',
		label: 'Email',
		parameters: userCreate({ email: VALUE }),
		generate: badEmail,
	},
	{
		name: 'user → create: User Type',
		label: 'User Type',
		parameters: userCreate({ userType: VALUE }),
		generate: (r) =>
			r.pick<() => unknown>([
				() => r.pick([0, 3, 4, 5, 100, -1, 98]),
				() => r.int(3, 98),
				() => r.text(r.int(1, 6), 'abcdefghijklmnopqrstuvwxyz'),
				() => r.pick([1.5, 2.5, 99.9]),
				() => ({ type: 1 }),
			])(),
	},
	{
		name: 'user → create: Action',
		label: 'Action',
		parameters: userCreate({ action: VALUE }),
		generate: (r) =>
			r.pick<() => unknown>([
				() => r.text(r.int(1, 12), r.ALNUM),
				() => r.pick(['CREATE', 'auto_create', 'delete', 'autocreate']),
				() => notText(r),
			])(),
	},
	{
		name: 'user → create: First Name',
		label: 'First Name',
		parameters: userCreate({ additionalFields: { firstName: VALUE } }),
		generate: (r) =>
			r.pick<() => unknown>([() => r.text(r.int(65, 200), r.ALNUM + ' '), () => notText(r)])(),
	},
	{
		name: 'user → create: Display Name',
		label: 'Display Name',
		parameters: userCreate({ additionalFields: { displayName: VALUE } }),
		generate: (r) =>
			r.pick<() => unknown>([() => r.text(r.int(129, 300), r.ALNUM + ' '), () => notText(r)])(),
	},
	{
		name: 'user → create: Password (Auto Create)',
		label: 'Password',
		parameters: userCreate({ action: 'autoCreate', additionalFields: { password: VALUE } }),
		generate: (r) =>
			r.pick<() => unknown>([
				// Too short, too long, one character class missing, one character repeated, a run.
				() => `Ab1${r.text(r.int(0, 4), r.ALNUM)}`,
				() => `Ab1${r.text(r.int(30, 60), r.ALNUM)}`,
				() => r.text(r.int(8, 20), 'abcdefghijklmnopqrstuvwxyz0123456789').toLowerCase(),
				() => r.text(r.int(8, 20), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
				() => r.text(r.int(8, 20), 'abcdefghijABCDEFGHIJ'),
				() => r.pick(['a', 'B', '7']).repeat(r.int(8, 20)),
				() => `Xy9${r.pick(['123456', 'abcdef', 'uvwxyz', '987654'])}${r.text(2, 'QZq')}`,
				() => notText(r),
			])(),
		secret: true,
	},
];

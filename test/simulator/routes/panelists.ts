/** Webinar panelists: add up to 30 per request, list, remove one or all. */
import { randomAlnum, randomUserId } from '../ids';
import { ZoomApiError } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { Checker, decodeParam, isPlainObject } from './common';
import { EVENT_SCOPES } from './eventScopes';
import { events, type SimWebinar } from './events';

const PANELIST_LIMIT = 30;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const OPTIONAL_TEXT = [
	'virtual_background_id',
	'name_tag_id',
	'name_tag_name',
	'name_tag_pronouns',
	'name_tag_description',
];

function resolveWebinar(ctx: ApiContext): SimWebinar {
	const raw = decodeParam(ctx.rawParams.webinarId) ?? ctx.rawParams.webinarId;
	const store = events(ctx.state);
	const webinar = /^\d+$/.test(raw) ? store.webinars.get(Number(raw)) : undefined;
	const host = webinar ? ctx.state.users.get(webinar.host_id) : undefined;
	if (!webinar || !host || host.account_id !== ctx.token.accountId)
		throw new ZoomApiError(404, 3001, `Webinar ${raw} not found or has expired.`);
	if (store.withoutWebinarLicence.has(host.id))
		throw new ZoomApiError(
			400,
			200,
			`Webinar plan is missing. You must subscribe to the Webinar plan and enable webinars for the "${host.email}" user to perform this action.`,
		);
	return webinar;
}

function listPanelists(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const panelists = events(ctx.state).panelistsOf(webinar.id);
	return {
		status: 200,
		body: { total_records: panelists.length, panelists: structuredClone(panelists) },
	};
}

function addPanelists(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const check = new Checker(ctx.body);
	const list = ctx.body.panelists;
	if (!Array.isArray(list) || list.length === 0) check.push('panelists', 'panelists is required.');
	else if (list.length > PANELIST_LIMIT)
		check.push('panelists', `The number of panelists cannot exceed ${PANELIST_LIMIT}.`);
	else
		list.forEach((entry, index) => {
			const item = new Checker(isPlainObject(entry) ? entry : {}, `panelists[${index}].`);
			item.string('email', { required: true, pattern: EMAIL, message: 'Invalid field.' });
			item.string('name', { required: true });
			for (const key of OPTIONAL_TEXT) item.string(key);
			for (const key of Object.keys(isPlainObject(entry) ? entry : {}))
				if (key !== 'email' && key !== 'name' && !OPTIONAL_TEXT.includes(key))
					item.push(key, 'Unknown field.');
			check.errors.push(...item.errors);
		});
	check.throwIfAny();
	const panelists = events(ctx.state).panelistsOf(webinar.id);
	// Zoom's plans cap panelists per webinar (100 by default); the whole request fails past it.
	const fresh = (list as Array<Record<string, string>>).filter(
		(p) => !panelists.some((q) => q.email.toLowerCase() === p.email.toLowerCase()),
	);
	if (panelists.length + fresh.length > 100)
		throw new ZoomApiError(
			400,
			3000,
			'You have reached the limit for the number of panelists you can add. Contact Zoom Support for more information.',
		);
	for (const entry of list as Array<Record<string, string>>) {
		const existing = panelists.find((q) => q.email.toLowerCase() === entry.email.toLowerCase());
		if (existing) Object.assign(existing, entry);
		else
			panelists.push({
				...entry,
				email: entry.email,
				name: entry.name,
				id: randomUserId(),
				join_url: `${ctx.state.baseUrl}/w/${webinar.id}?tk=${randomAlnum(43)}`,
			});
	}
	return {
		status: 201,
		body: {
			id: String(webinar.id),
			updated_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
		},
	};
}

function removePanelist(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const id = decodeParam(ctx.rawParams.panelistId) ?? ctx.rawParams.panelistId;
	const panelists = events(ctx.state).panelistsOf(webinar.id);
	const index = panelists.findIndex((p) => p.id === id);
	if (index < 0) throw new ZoomApiError(404, 3001, `Panelist does not exist: ${id}.`);
	panelists.splice(index, 1);
	return { status: 204 };
}

function removeAll(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	events(ctx.state).panelists.set(webinar.id, []);
	return { status: 204 };
}

export const panelistRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/webinars/{webinarId}/panelists',
		category: 'medium',
		scopes: EVENT_SCOPES.listPanelists,
		handler: listPanelists,
	},
	{
		method: 'POST',
		template: '/webinars/{webinarId}/panelists',
		category: 'medium',
		scopes: EVENT_SCOPES.addPanelists,
		handler: addPanelists,
	},
	{
		method: 'DELETE',
		template: '/webinars/{webinarId}/panelists',
		category: 'light',
		scopes: EVENT_SCOPES.removePanelists,
		handler: removeAll,
	},
	{
		method: 'DELETE',
		template: '/webinars/{webinarId}/panelists/{panelistId}',
		category: 'light',
		scopes: EVENT_SCOPES.removePanelists,
		handler: removePanelist,
	},
];

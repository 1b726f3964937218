import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import type { RegistrantParent } from './parent';

const text = (max?: number) => {
	const schema = z.string({ invalid_type_error: 'must be text' });
	return max === undefined ? schema : schema.max(max, `must be at most ${max} characters`);
};

function textField(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
	max?: number,
): FieldDefinition {
	return {
		property: { displayName, name, type: 'string', default: '', description },
		zoom,
		schema: text(max),
	};
}

function optionsField(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
	values: readonly string[],
): FieldDefinition {
	// The default is the first choice (a named constant: n8n's scanner ignores inline eslint comments).
	const firstChoice = values[0];
	return {
		property: {
			displayName,
			name,
			type: 'options',
			default: firstChoice,
			description,
			options: values.map((value) => ({ name: value, value })),
		},
		zoom,
		schema: z.enum(values as [string, ...string[]], {
			errorMap: () => ({ message: `must be one of: ${values.join(', ')}` }),
		}),
	};
}

/** Zoom's languages for registration emails (the spec's enum, "Tr-TR" included as spelled). */
const LANGUAGES = [
	'en-US',
	'de-DE',
	'es-ES',
	'fr-FR',
	'jp-JP',
	'pt-PT',
	'ru-RU',
	'zh-CN',
	'zh-TW',
	'ko-KO',
	'it-IT',
	'vi-VN',
	'pl-PL',
	'Tr-TR',
] as const;

const customQuestionsSchema = z
	.object({
		question: z
			.array(
				z.object({
					title: z.string().trim().min(1, 'a question needs its title'),
					value: z.string().max(128, 'an answer must be at most 128 characters'),
				}),
			)
			.optional(),
	})
	.transform((value) => value.question ?? []);

const occurrenceIdsSchema = z
	.union([z.string(), z.number()])
	.transform((value) =>
		String(value)
			.split(/[\s,;]+/)
			.filter(Boolean),
	)
	.refine(
		(ids) => ids.every((id) => /^\d+$/.test(id)),
		'must be occurrence IDs (digits) separated by commas, such as 1648194360000,1648367160000',
	)
	.transform((ids) => (ids.length ? ids.join(',') : undefined));

/** Fields of a registrant beyond the required email and first name, per parent. */
export function registrantFieldDefinitions(parent: RegistrantParent): FieldDefinition[] {
	const fields: FieldDefinition[] = [
		textField('lastName', 'Last Name', 'last_name', "The registrant's last name", 64),
		textField('address', 'Address', 'address', "The registrant's street address"),
		textField('city', 'City', 'city', "The registrant's city"),
		textField('state', 'State', 'state', "The registrant's state or province"),
		textField('zip', 'ZIP', 'zip', "The registrant's ZIP or postal code"),
		{
			...textField('country', 'Country', 'country', 'Two-letter country code, such as US or DE'),
			schema: z
				.string()
				.trim()
				.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as US')
				.transform((v) => v.toUpperCase()),
		},
		textField('phone', 'Phone', 'phone', "The registrant's phone number"),
		textField('comments', 'Comments', 'comments', "The registrant's questions and comments"),
		textField('industry', 'Industry', 'industry', "The registrant's industry"),
		textField('jobTitle', 'Job Title', 'job_title', "The registrant's job title"),
		textField('org', 'Organization', 'org', "The registrant's organization"),
		optionsField(
			'noOfEmployees',
			'Number of Employees',
			'no_of_employees',
			"Size of the registrant's organization",
			[
				'1-20',
				'21-50',
				'51-100',
				'101-500',
				'500-1,000',
				'1,001-5,000',
				'5,001-10,000',
				'More than 10,000',
			],
		),
		optionsField(
			'purchasingTimeFrame',
			'Purchasing Time Frame',
			'purchasing_time_frame',
			"The registrant's purchasing time frame",
			['Within a month', '1-3 months', '4-6 months', 'More than 6 months', 'No timeframe'],
		),
		optionsField(
			'roleInPurchaseProcess',
			'Role in Purchase Process',
			'role_in_purchase_process',
			"The registrant's role in the purchase process",
			['Decision Maker', 'Evaluator/Recommender', 'Influencer', 'Not involved'],
		),
		optionsField(
			'language',
			'Language',
			'language',
			'Language of the confirmation email',
			LANGUAGES,
		),
		{
			property: {
				displayName: 'Custom Questions',
				name: 'customQuestions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Answer',
				description: "Answers to the registration form's custom questions",
				options: [
					{
						displayName: 'Question',
						name: 'question',
						values: [
							{
								displayName: 'Title',
								name: 'title',
								type: 'string',
								default: '',
								description: 'The question exactly as in the registration form',
							},
							{
								displayName: 'Answer',
								name: 'value',
								type: 'string',
								default: '',
								description: 'The answer (at most 128 characters)',
							},
						],
					},
				],
			},
			zoom: 'custom_questions',
			schema: customQuestionsSchema,
			skip: (value) => !(value as IDataObject | undefined)?.question,
		},
		{
			property: {
				displayName: 'Occurrence IDs',
				name: 'occurrenceIds',
				type: 'string',
				default: '',
				placeholder: '1648194360000,1648367160000',
				description: `Register only for these occurrences of a recurring ${parent.noun} (comma-separated). Empty: all occurrences.`,
			},
			zoom: 'occurrence_ids',
			in: 'query',
			schema: occurrenceIdsSchema,
		},
	];
	if (parent.autoApprove) {
		fields.push({
			property: {
				displayName: 'Auto Approve',
				name: 'autoApprove',
				type: 'boolean',
				default: true,
				description:
					'Whether to approve the registrant right away although the meeting approves registrations manually',
			},
			zoom: 'auto_approve',
			schema: booleanSchema,
		});
	}
	if (parent.sourceId) {
		fields.push(
			textField(
				'sourceId',
				'Source ID',
				'source_id',
				'Tracking source ID: which registration link the registrant came from',
			),
		);
	}
	return fields;
}

/** Fields a batch registration (`batch_registrants`) can carry besides email and first name. */
export const BATCHABLE_FIELDS = new Set(['lastName', 'autoApprove']);

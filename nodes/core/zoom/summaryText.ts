/**
 * A meeting summary (Zoom's Get Meeting Summary answer, or the object of a
 * `meeting.summary_completed` event: the same fields) as plain text. The action node's Meeting
 * Summary → Get and the trigger's full-summary option both add it as `summaryText`.
 */
import type { IDataObject } from 'n8n-workflow';

import { markdownToPlainText } from './markdown';

/**
 * The summary as plain text, for an LLM prompt or a chat message: `summary_content` (Zoom's
 * Markdown) without markup; for an answer without it (older summaries), the deprecated fields
 * (title, overview, details, next steps, or their edited versions) in that order.
 */
export function summaryPlainText(summary: IDataObject): string {
	const content = summary.summary_content;
	if (typeof content === 'string' && content.trim() !== '') return markdownToPlainText(content);
	// Zoom's older fields are plain text already: paragraphs, then the next steps as a list.
	const edited = (summary.edited_summary ?? {}) as IDataObject;
	const paragraphs: string[] = [];
	const push = (text: unknown) => {
		if (typeof text === 'string' && text.trim() !== '') paragraphs.push(text.trim());
	};
	push(summary.summary_title);
	push(edited.summary_overview ?? summary.summary_overview);
	if (typeof edited.summary_details === 'string') push(edited.summary_details);
	else
		for (const detail of (summary.summary_details as IDataObject[] | undefined) ?? []) {
			const label = typeof detail.label === 'string' ? detail.label.trim() : '';
			const text = typeof detail.summary === 'string' ? detail.summary.trim() : '';
			push([label, text].filter((part, i) => part && (i === 0 || part !== label)).join('\n'));
		}
	const steps = ((edited.next_steps ?? summary.next_steps) as unknown[] | undefined) ?? [];
	const bullets = steps
		.filter((step): step is string => typeof step === 'string' && step.trim() !== '')
		.map((step) => `• ${step.trim()}`);
	if (bullets.length > 0) paragraphs.push(['Next steps', ...bullets].join('\n'));
	return paragraphs.join('\n\n');
}

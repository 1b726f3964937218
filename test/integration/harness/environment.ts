import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/*
 * n8n-core's execution contexts load `InstanceSettings`, which reads (or, when absent, writes)
 * `<N8N_USER_FOLDER>/.n8n/config` holding the instance encryption key; by default that is the
 * user's home. Point it at a throw-away folder so the tests never touch a real n8n install.
 * Imported for its side effect before any n8n-core context is built.
 */
if (!process.env.N8N_USER_FOLDER) {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-nodes-zoom-it-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
}

/*
 * n8n-core reports node errors through its ErrorReporter, which logs them with their stack on
 * the console, as a server would. Tests assert on those errors instead; set N8N_LOG_LEVEL to
 * see the log.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';

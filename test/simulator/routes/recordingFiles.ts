/**
 * Cloud-recording files as Zoom serves them, with generated content (any size, nothing on disk):
 *
 *   GET /rec/download/{fileId}   with `Authorization: Bearer <download token or API token>`
 *                                (Zoom's recommended form) or `?access_token=<download token>`
 *     → 302 to /rec/storage/{fileId}?sig=…  (a pre-signed storage URL, like Zoom's CDN redirect)
 *   GET /rec/storage/{fileId}?sig=…
 *     → 200 with the whole file, or 206 for `Range: bytes=N-` / `bytes=N-M` (when the file allows it)
 *
 * The content of byte i is `recordingByte(seed, i)`, so a test can check what it received without
 * keeping the file. Faults per file: drop the connection after some bytes, ignore Range.
 * The store records credentials that reach the storage URL (they must not), and download tokens
 * sent in a URL's query string (accepted, as Zoom does, but they end up in proxy and server logs).
 *
 * Mount it in any node:http server (`handle` returns false for other paths), or start it alone
 * with `startRecordingFileServer()`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordingFileSpec {
	id?: string;
	size: number;
	/** content seed; default derived from the id */
	seed?: number;
	fileName?: string;
	contentType?: string;
	/** false: the storage host ignores Range and always sends the whole file */
	acceptRanges?: boolean;
	/** drop the connection after this many body bytes, once per entry, in order */
	dropAfterBytes?: number[];
}

export interface RecordingFile extends Required<Omit<RecordingFileSpec, 'dropAfterBytes'>> {
	dropAfterBytes: number[];
}

const PATTERN_SIZE = 65_536;

/** 64 KiB of pseudo-random bytes for a seed (sha256 in counter mode). */
function patternFor(seed: number): Buffer {
	const blocks: Buffer[] = [];
	for (let i = 0; i < PATTERN_SIZE / 32; i++)
		blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
	return Buffer.concat(blocks);
}

const patterns = new Map<number, Buffer>();

/** Bytes [start, end) of a generated file. */
export function recordingBytes(seed: number, start: number, end: number): Buffer {
	let pattern = patterns.get(seed);
	if (!pattern) {
		pattern = patternFor(seed);
		patterns.set(seed, pattern);
	}
	const out = Buffer.allocUnsafe(end - start);
	let written = 0;
	while (written < out.length) {
		const offset = start + written;
		const block = Math.floor(offset / PATTERN_SIZE);
		const inBlock = offset % PATTERN_SIZE;
		const n = Math.min(PATTERN_SIZE - inBlock, out.length - written);
		pattern.copy(out, written, inBlock, inBlock + n);
		// vary every block (at its first byte) so that a misplaced block is detected
		if (inBlock === 0) out[written] ^= block & 0xff;
		written += n;
	}
	return out;
}

/** sha256 of a whole generated file, computed in blocks (for tests and benchmarks). */
export function recordingSha256(seed: number, size: number): string {
	const hash = createHash('sha256');
	for (let at = 0; at < size; at += 4 * 1024 * 1024)
		hash.update(recordingBytes(seed, at, Math.min(size, at + 4 * 1024 * 1024)));
	return hash.digest('hex');
}

function seedOf(id: string): number {
	return createHash('sha256').update(id).digest().readUInt32BE(0);
}

export class RecordingFileStore {
	readonly files = new Map<string, RecordingFile>();
	private readonly downloadTokens = new Map<string, number>();
	private readonly signingKey = randomBytes(16);
	/** requests that brought a token or Authorization header to the storage URL */
	credentialLeaks = 0;
	/** download requests that carried their token in the query string (`?access_token=`) */
	tokensInQuery = 0;
	downloads = 0;
	rangeRequests = 0;

	/** @param isApiToken accepts `Authorization: Bearer` API tokens (e.g. the simulator's) */
	constructor(private readonly isApiToken: (token: string) => boolean = () => false) {}

	add(spec: RecordingFileSpec): RecordingFile {
		const id = spec.id ?? randomBytes(12).toString('hex');
		const file: RecordingFile = {
			id,
			size: spec.size,
			seed: spec.seed ?? seedOf(id),
			fileName: spec.fileName ?? '',
			contentType: spec.contentType ?? 'application/octet-stream',
			acceptRanges: spec.acceptRanges ?? true,
			dropAfterBytes: [...(spec.dropAfterBytes ?? [])],
		};
		this.files.set(id, file);
		return file;
	}

	/** A download token like the one in recording.completed (valid 24 h unless told otherwise). */
	issueDownloadToken(lifetimeMs = 24 * 3600_000): string {
		const token = `dl_${randomBytes(24).toString('base64url')}`;
		this.downloadTokens.set(token, Date.now() + lifetimeMs);
		return token;
	}

	expireDownloadTokens(): void {
		for (const token of this.downloadTokens.keys()) this.downloadTokens.set(token, 0);
	}

	downloadUrl(baseUrl: string, fileId: string): string {
		return `${baseUrl}/rec/download/${fileId}`;
	}

	private sign(fileId: string): string {
		return createHmac('sha256', this.signingKey).update(fileId).digest('hex').slice(0, 32);
	}

	/** A live download token (header or query), or an API token (header only). */
	private authorised(req: IncomingMessage, query: URLSearchParams): boolean {
		const bearer = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
		const inQuery = query.get('access_token') ?? undefined;
		if (inQuery) this.tokensInQuery++;
		const token = bearer ?? inQuery;
		if (!token) return false;
		const expires = this.downloadTokens.get(token);
		if (expires !== undefined) return expires > Date.now();
		return bearer !== undefined && this.isApiToken(bearer);
	}

	/** Serves /rec/… paths; returns false for anything else. */
	handle(req: IncomingMessage, res: ServerResponse): boolean {
		const url = new URL(req.url ?? '/', 'http://simulator');
		const download = /^\/rec\/download\/([\w-]+)$/.exec(url.pathname);
		const storage = /^\/rec\/storage\/([\w-]+)$/.exec(url.pathname);
		if (!download && !storage) return false;
		const json = (status: number, body: object) => {
			const text = JSON.stringify(body);
			res.writeHead(status, {
				'Content-Type': 'application/json;charset=UTF-8',
				'Content-Length': Buffer.byteLength(text),
			});
			res.end(text);
		};
		if (req.method !== 'GET') {
			json(405, { code: 405, message: 'Method not allowed' });
			return true;
		}
		if (download) {
			const file = this.files.get(download[1]);
			if (!this.authorised(req, url.searchParams)) {
				json(401, { code: 124, message: 'Invalid access token.' });
				return true;
			}
			if (!file) {
				json(404, { code: 3301, message: 'This recording does not exist.' });
				return true;
			}
			res.writeHead(302, { Location: `/rec/storage/${file.id}?sig=${this.sign(file.id)}` });
			res.end();
			return true;
		}
		const file = this.files.get(storage![1]);
		if (url.searchParams.has('access_token') || req.headers.authorization) this.credentialLeaks++;
		if (!file || url.searchParams.get('sig') !== this.sign(file.id)) {
			json(403, { code: 403, message: 'Forbidden' });
			return true;
		}
		this.serve(req, res, file);
		return true;
	}

	private serve(req: IncomingMessage, res: ServerResponse, file: RecordingFile): void {
		this.downloads++;
		let start = 0;
		let end = file.size; // exclusive
		let status = 200;
		const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
		if (range && file.acceptRanges) {
			this.rangeRequests++;
			start = Number(range[1]);
			end = range[2] ? Math.min(file.size, Number(range[2]) + 1) : file.size;
			if (start >= file.size || end <= start) {
				res.writeHead(416, { 'Content-Range': `bytes */${file.size}` });
				res.end();
				return;
			}
			status = 206;
		}
		const headers: Record<string, string | number> = {
			'Content-Type': file.contentType,
			'Content-Length': end - start,
		};
		if (file.acceptRanges) headers['Accept-Ranges'] = 'bytes';
		if (status === 206) headers['Content-Range'] = `bytes ${start}-${end - 1}/${file.size}`;
		if (file.fileName) headers['Content-Disposition'] = `attachment; filename="${file.fileName}"`;
		res.writeHead(status, headers);
		const dropAfter = file.dropAfterBytes.shift();
		const stopAt = dropAfter === undefined ? end : Math.min(end, start + dropAfter);
		let at = start;
		let closed = false;
		const pump = () => {
			while (at < stopAt && !closed) {
				const next = Math.min(stopAt, at + 256 * 1024);
				const chunk = recordingBytes(file.seed, at, next);
				at = next;
				if (!res.write(chunk)) return void res.once('drain', pump);
			}
			if (closed) return;
			if (stopAt < end) {
				// a dropped connection: the client sees fewer bytes than Content-Length
				res.socket?.destroy();
				return;
			}
			res.end();
		};
		res.on('close', () => (closed = true));
		pump();
	}
}

export interface RecordingFileServer {
	url: string;
	store: RecordingFileStore;
	close(): Promise<void>;
}

/** The file routes on their own server on 127.0.0.1 (a free port). */
export async function startRecordingFileServer(
	store = new RecordingFileStore(),
): Promise<RecordingFileServer> {
	const sockets = new Set<Socket>();
	const server = createServer((req, res) => {
		if (!store.handle(req, res)) {
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end('{"code":404,"message":"Not found"}');
		}
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		store,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}

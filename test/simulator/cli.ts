import { startZoomSimulator } from './server';
import type { SimulatorOptions } from './types';

const USAGE = `Usage: npx tsx test/simulator/cli.ts [--port 8089] [--host 127.0.0.1] [--latency 50] [--no-seed]
       [--light 30 --medium 20 --heavy 10] [--no-rate-limits] [--token-lifetime 3600]`;

function parseArgs(argv: string[]): SimulatorOptions {
	const options: SimulatorOptions = { port: 8089 };
	const rateLimits: NonNullable<SimulatorOptions['rateLimits']> = {};
	const number = (flag: string, value: string | undefined): number => {
		const n = Number(value);
		if (value === undefined || !Number.isFinite(n) || n < 0)
			throw new Error(`${flag} needs a number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		switch (flag) {
			case '--port':
				options.port = number(flag, argv[++i]);
				break;
			case '--host':
				options.host = argv[++i];
				break;
			case '--latency':
				options.latencyMs = number(flag, argv[++i]);
				break;
			case '--no-seed':
				options.seed = false;
				break;
			case '--light':
			case '--medium':
			case '--heavy':
				rateLimits[flag.slice(2) as 'light' | 'medium' | 'heavy'] = number(flag, argv[++i]);
				break;
			case '--no-rate-limits':
				options.enforceRateLimits = false;
				break;
			case '--token-lifetime':
				options.tokenLifetimeSeconds = number(flag, argv[++i]);
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${flag}\n${USAGE}`);
		}
	}
	if (Object.keys(rateLimits).length > 0) options.rateLimits = rateLimits;
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sim = await startZoomSimulator(options);
	console.log(`Zoom simulator listening on ${sim.url}`);
	console.log(`  API base URL:    ${sim.apiBaseUrl}`);
	console.log(`  OAuth base URL:  ${sim.oauthBaseUrl}`);
	console.log('  Server-to-Server OAuth app:');
	console.log(`    Account ID:    ${sim.defaultApp.accountId}`);
	console.log(`    Client ID:     ${sim.defaultApp.clientId}`);
	console.log(`    Client Secret: ${sim.defaultApp.clientSecret}`);
	console.log('  OAuth2 app (any redirect URI):');
	console.log(`    Client ID:     ${sim.defaultOAuthApp.clientId}`);
	console.log(`    Client Secret: ${sim.defaultOAuthApp.clientSecret}`);
	console.log(`  Access token (1 h, all scopes): ${sim.issueAccessToken()}`);
	const stop = () => {
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

/**
 * What the transport keeps per execution context, in WeakMaps so it goes away with the execution:
 * - the secrets its requests carried (the token used, the client secret, secrets put in request
 *   bodies), so what the node outputs can be cleaned of them when a server echoes them back;
 * - the request timeout the node was set to, so every call of the execution honours it.
 */
const secretsByContext = new WeakMap<object, Set<string>>();
const timeoutByContext = new WeakMap<object, number>();

export function rememberSecrets(context: object, secrets: Iterable<string | undefined>): void {
	let known = secretsByContext.get(context);
	if (!known) {
		known = new Set();
		secretsByContext.set(context, known);
	}
	for (const secret of secrets) if (typeof secret === 'string' && secret !== '') known.add(secret);
}

export function secretsUsedBy(context: object): string[] {
	return [...(secretsByContext.get(context) ?? [])];
}

/** Sets the most one attempt of any request of this execution may take. */
export function useRequestTimeout(context: object, timeoutMs: number): void {
	timeoutByContext.set(context, timeoutMs);
}

export function requestTimeoutOf(context: object): number | undefined {
	return timeoutByContext.get(context);
}

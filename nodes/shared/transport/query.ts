/** Query values: an array becomes a repeated parameter (Adobe ANDs repeated `property` filters). */
export type QueryValue = string | number | boolean | undefined | null | Array<string | number | boolean>;
export type QueryParams = Record<string, QueryValue>;

/** Serialises query parameters with every value URL-encoded, arrays as repeated keys, empty values left out. */
export function toQueryString(params: QueryParams = {}): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') continue;
		for (const single of Array.isArray(value) ? value : [value]) {
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(single))}`);
		}
	}
	return parts.join('&');
}

export function withQuery(path: string, params?: QueryParams): string {
	const query = toQueryString(params);
	if (!query) return path;
	return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

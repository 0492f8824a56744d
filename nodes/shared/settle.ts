/** A call's outcome as a value, so a caller can decide what to rethrow outside a catch block. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(call: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await call() };
	} catch (error) {
		return { ok: false, error };
	}
}
